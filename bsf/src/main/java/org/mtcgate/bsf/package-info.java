/**
 * The BSF of GBA (TS 33.220): the bootstrapping procedure ({@link org.mtcgate.bsf.Bootstrapping}), its ports to the
 * HSS ({@link org.mtcgate.bsf.VectorSource}) and to the contexts' store ({@link org.mtcgate.bsf.BootstrapContextStore}).
 * Protocol-free; {@code ub} carries it over HTTP.
 */
package org.mtcgate.bsf;
