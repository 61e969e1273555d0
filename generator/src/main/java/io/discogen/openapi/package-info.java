/**
 * The OpenAPI 3.x and Swagger 2.0 parser: swagger-parser's model into the IR. Only {@link
 * io.discogen.openapi.OpenApiParser} is public; swagger-parser types never leave this package.
 */
package io.discogen.openapi;
