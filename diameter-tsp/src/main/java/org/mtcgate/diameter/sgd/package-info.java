/**
 * SGd (TS 29.338), the SMS-SC's MT side towards an MME: {@link org.mtcgate.diameter.sgd.SgdMtDelivery} sends the
 * segments of one SM as MT-Forward-Short-Message requests ({@link org.mtcgate.diameter.sgd.MtForwardShortMessageRequest})
 * and sorts the answers ({@link org.mtcgate.diameter.sgd.TfaResults}) into the SMS-SC's delivery outcomes.
 * {@link org.mtcgate.diameter.sgd.TfaAnswers} builds the MME's answers, for simulators and tests.
 */
package org.mtcgate.diameter.sgd;
