/**
 * T4 (TS 29.337) both ways. MTC-IWF side: {@link org.mtcgate.diameter.t4.T4TriggerSubmitter} (DTR/DTA) and
 * {@link org.mtcgate.diameter.t4.T4DeliveryReportApplication} (DRR/DRA), sharing the
 * {@link org.mtcgate.diameter.t4.T4References} that map T4 Reference-Numbers back to triggers. SMS-SC side:
 * {@link org.mtcgate.diameter.t4.SmsScT4Application} (DTR in) and {@link org.mtcgate.diameter.t4.T4DeliveryReporter}
 * (DRR out), sharing {@link org.mtcgate.diameter.t4.SmsScTriggers}.
 */
package org.mtcgate.diameter.t4;
