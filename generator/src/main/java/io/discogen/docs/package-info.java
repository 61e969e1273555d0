/**
 * Markdown reference docs of generated clients.
 *
 * <p>{@link io.discogen.docs.MarkdownEmitter} is the front door: it reads the IR only, takes every
 * Java name from {@code NamePlan} and every Java type from {@code TypeMapper} (so docs and code
 * agree), and returns files without writing them. One page kind per class: {@code IndexPage}
 * (an API's {@code README.md}), {@code ResourcePage} (a resource, its methods, their parameters and
 * compiling usage examples), {@code ModelPage} (a model or enum, nested types as sections).
 * {@code DocsContext} decides page paths and anchors once, before any page is rendered, so every
 * link resolves; {@code Markdown} is the one sanitiser for spec text.
 */
package io.discogen.docs;
