/**
 * What changed between two revisions of an API, and whether it breaks users of the generated
 * client: {@link io.discogen.diff.ApiDiff#compare} takes two IR models and returns a {@link
 * io.discogen.diff.DiffReport} of classified {@link io.discogen.diff.Change}s, rendered as a
 * Markdown changelog ({@link io.discogen.diff.MarkdownReport}) or JSON ({@link
 * io.discogen.diff.JsonReport}). Severities follow the Java API the generator emits; see {@link
 * io.discogen.diff.ChangeKind} for the rules.
 */
package io.discogen.diff;
