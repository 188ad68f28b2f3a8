package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/** rules/sla/*.drl: how long each kind of work may take, when supervisors are warned, who hears of late work. */
class SlaRulesTest {

    static SlaRules rules;

    @BeforeAll
    static void compile() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        rules = new SlaRules(() -> container);
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
    void aPotholeTheResidentCallsDangerousGetsEightBusinessHours() {
        SlaTarget target = rules.target(new SlaRequest("pothole", "streets", "P1", "60602",
                Map.of("hazard", List.of("Yes"))));

        assertThat(target).hasToString("8 BUSINESS_HOURS");
        assertThat(target.getWarningPercent()).isEqualTo(50);
        assertThat(target.getSecondLevelAfter()).isEqualTo(4);
        assertThat(target.getSecondLevelUnit()).isEqualTo(SlaUnit.BUSINESS_HOURS);
    }

    @Test
    void potholesInTheLoopGetTwoBusinessDays() {
        assertThat(rules.target(new SlaRequest("pothole", "streets", "P3", "60603", Map.of())))
                .hasToString("2 BUSINESS_DAYS");
        assertThat(rules.target(new SlaRequest("pothole", "streets", "P3", "60614", Map.of())))
                .hasToString("3 BUSINESS_DAYS");
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

    @Test
    void supervisorsAreWarnedAtThreeQuartersOfTheTime() {
        assertThat(target("pothole", "P3").getWarningPercent()).isEqualTo(75);
        assertThat(target("bulky_item", "P9").getWarningPercent()).isEqualTo(75);
    }

    @Test
    void lateWorkGoesToTheDepartmentsSupervisorsThenToTheDirectorsOneBusinessDayLater() {
        SlaTarget target = rules.target(new SlaRequest("damaged_tree", "urban-forestry", "P2"));

        assertThat(target.getSupervisorGroup()).isEqualTo("supervisors-urban-forestry");
        assertThat(target.getSecondLevelGroup()).isEqualTo("directors");
        assertThat(target.getSecondLevelAfter()).isEqualTo(1);
        assertThat(target.getSecondLevelUnit()).isEqualTo(SlaUnit.BUSINESS_DAYS);
    }

    @Test
    void urgentLateWorkReachesTheDirectorsAfterFourBusinessHours() {
        SlaTarget target = target("pothole", "P1");

        assertThat(target.getSupervisorGroup()).isEqualTo("supervisors-streets");
        assertThat(target.getWarningPercent()).isEqualTo(50);
        assertThat(target.getSecondLevelAfter()).isEqualTo(4);
        assertThat(target.getSecondLevelUnit()).isEqualTo(SlaUnit.BUSINESS_HOURS);
    }

    private static SlaTarget target(String serviceCode, String priority) {
        return rules.target(new SlaRequest(serviceCode, "streets", priority));
    }
}
