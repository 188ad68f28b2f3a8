package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0} ({1}, {2}, {3}): {4}")
    @CsvSource(delimiter = '|', textBlock = """
        missed_collection   | sanitation          | P2 |                  | 1 BUSINESS_DAYS
        damaged_cart        | sanitation          | P3 |                  | 5 BUSINESS_DAYS
        street_light_out    | traffic             | P3 |                  | 4 BUSINESS_DAYS
        street_light_out    | traffic             | P2 |                  | 3 BUSINESS_DAYS
        graffiti            | sanitation          | P3 | surface=public   | 48 HOURS
        graffiti            | sanitation          | P3 | surface=private  | 72 HOURS
        graffiti            | sanitation          | P1 | offensive=yes    | 1 BUSINESS_DAYS
        illegal_dumping     | sanitation          | P2 |                  | 48 HOURS
        illegal_dumping     | sanitation          | P1 | hazardous=yes    | 1 BUSINESS_DAYS
        illegal_dumping     | code-enforcement    | P3 | property=private | 10 BUSINESS_DAYS
        illegal_parking     | parking-enforcement | P2 |                  | 1 BUSINESS_DAYS
        illegal_parking     | parking-enforcement | P1 | blocking=hydrant | 4 HOURS
        dead_animal         | animal-care         | P2 |                  | 2 BUSINESS_DAYS
        dead_animal         | animal-care         | P1 | location=roadway | 1 BUSINESS_DAYS
        traffic_signal_sign | traffic             | P1 | problem=signal_out | 1 BUSINESS_DAYS
        traffic_signal_sign | traffic             | P2 |                  | 3 BUSINESS_DAYS
        abandoned_vehicle   | code-enforcement    | P3 |                  | 10 BUSINESS_DAYS
        bulky_item          | sanitation          | P3 |                  | 10 BUSINESS_DAYS
        """)
    void eachRequestTypeHasItsServiceLevel(String serviceCode, String department, String priority, String answer,
                                           String expected) {
        Map<String, List<String>> answers = answer == null ? Map.of()
                : Map.of(answer.split("=")[0], List.of(answer.split("=")[1]));

        assertThat(rules.target(new SlaRequest(serviceCode, department, priority, "60614", answers)))
                .hasToString(expected);
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
