/**
 * S6m (TS 29.336): the MTC-IWF's Subscriber-Information client ({@link org.mtcgate.diameter.s6m.S6mSubscriberDirectory})
 * and an HSS role answering from the embedded subscriber table ({@link org.mtcgate.diameter.s6m.HssS6mApplication}).
 * Also home of the AVPs TS 29.336 defines and T4 (TS 29.337) reuses: User-Identifier, and the Serving-Node
 * coding shared by both.
 */
package org.mtcgate.diameter.s6m;
