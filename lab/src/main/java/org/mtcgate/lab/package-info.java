/**
 * Lab code, kept out of the node's jar: the {@code mtcgate} lab subcommands (sim, bench, scs, certs, in
 * {@code cli}), a lab PKI ({@code pki}) and an MSC for tests and benchmarks ({@code msc}). The node finds what it
 * needs of it (subcommands, generate-lab-pki) with {@link java.util.ServiceLoader} when this jar is on the class path.
 */
package org.mtcgate.lab;
