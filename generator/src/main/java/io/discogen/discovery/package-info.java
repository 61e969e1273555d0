/**
 * The Google API Discovery parser: a Discovery document (as a Jackson tree) to the IR.
 *
 * <p>Only {@link io.discogen.discovery.DiscoveryParser} is public; it is called by {@code
 * io.discogen.spec.SpecReader} once the file has been read and recognised. Nothing from here (in
 * particular no Jackson type) appears in the IR.
 */
package io.discogen.discovery;
