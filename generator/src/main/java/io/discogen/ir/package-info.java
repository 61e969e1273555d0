/**
 * The intermediate model (IR): one immutable, format-neutral description of an API.
 *
 * <p>Parsers (Discovery, OpenAPI) build it; emitters and the docs writer only read it. References are
 * resolved when it is built: every {@link io.discogen.ir.TypeRef.Named} names a schema present in
 * {@link io.discogen.ir.ApiModel#schemaIndex()}. Names here are the spec's own (wire) names; Java
 * names are chosen in one place, {@code io.discogen.java.JavaNames}. Nothing here knows JavaPoet or
 * any parser library.
 */
package io.discogen.ir;
