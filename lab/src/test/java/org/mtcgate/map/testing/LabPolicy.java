package org.mtcgate.map.testing;

import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;

/** The filter policy of the MAP tests: one home SMS-SC trusted for triggers, one OTA platform. */
public final class LabPolicy {
    public static final String HOME_TRIGGER_SMSC = "491720000100";
    public static final String OTA_PLATFORM = "491729990000";

    private LabPolicy() {
    }

    public static FilterEngine engine() throws Exception {
        String yaml = """
                version: 1
                defaults:
                  ordinary: allow
                home-network:
                  trigger-sms-sc: ["%s"]
                  ota-platforms: ["%s"]
                """.formatted(HOME_TRIGGER_SMSC, OTA_PLATFORM);
        return new FilterEngine(new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM)
                .load("lab-policy.yaml", yaml, ListSource.NONE), TimeSource.SYSTEM);
    }
}
