package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

/** rules/sla/*.drl: how long each kind of work may take. */
class SlaRulesTest {

    static SlaRules rules;

    @BeforeAll
    static void compile() {
        rules = new SlaRules(KieServices.get().getKieClasspathContainer());
    }

    @Test
    void potholesGetThreeBusinessDays() {
        assertThat(target("pothole", "P3")).hasToString("3 BUSINESS_DAYS");
    }

    @Test
    void anUrgentPotholeGetsOneBusinessDay() {
        assertThat(target("pothole", "P1")).hasToString("1 BUSINESS_DAYS");
    }

    @Test
    void otherTypesFollowTheirPriority() {
        assertThat(target("street_light", "P2")).hasToString("3 BUSINESS_DAYS");
        assertThat(target("street_light", "P3")).hasToString("10 BUSINESS_DAYS");
    }

    @Test
    void anUnknownPriorityStillGetsADueDate() {
        assertThat(target("bulky_item", "P9")).hasToString("30 CALENDAR_DAYS");
    }

    private static SlaTarget target(String serviceCode, String priority) {
        return rules.target(new SlaRequest(serviceCode, "streets", priority));
    }
}
