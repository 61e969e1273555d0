package io.discogen.runtime.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code byte[]} field (or one of lists or maps of {@code byte[]}) that is written as
 * URL-safe base64 with padding, as Discovery's {@code format: byte} defines it; unmarked fields are
 * written in standard base64 (OpenAPI). Both alphabets are read, padded or not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Base64Url {}
