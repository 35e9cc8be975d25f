/**
 * Tsms (TS 23.682, TS 33.187 6.1): SMEs submit SMs to the node's SMS-SC over SMPP 3.4/5.0. Binds are
 * authenticated per SME; every SM passes the filter engine with the authenticated SME as originator before the
 * SMS-SC stores it; delivery receipts go back to the SME's bind.
 */
package org.mtcgate.smpp;
