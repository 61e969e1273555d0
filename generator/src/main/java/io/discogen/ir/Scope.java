package io.discogen.ir;

/** An OAuth 2.0 scope the API declares. */
public record Scope(String url, String description) {}
