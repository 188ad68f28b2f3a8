package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.civic311.orchestrator.request.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request types' own steps with the application's own delegates, as residents follow them through Open311:
 * a bulky item pickup's agreed collection day, an abandoned vehicle's tagging period before the tow.
 */
class RequestTypeStepsConformanceTest extends Open311ConformanceTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired
    ServiceRequests requests;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void aBulkyItemPickupIsExpectedOnTheNextCollectionDayAndSaysWhenToPutTheItemsOut() {
        LocalDate today = LocalDate.now(CHICAGO);
        String id = submit(Open311Client.Form.of("api_key", WEB_KEY, "service_code", "bulky_item",
                "address_string", "415 W Elm St", "attribute[items][]", "furniture", "attribute[items][]", "mattress",
                "attribute[item_count]", "2", "email", "jane.resident@example.org"));

        // The city's collection day is Wednesday, with two business days' notice (application.yml).
        LocalDate collection = firstWednesdayFrom(plusBusinessDays(today, 2));
        JsonNode request = request(id, "");
        assertThat(request.get("expected_datetime").asText()).startsWith(collection + "T17:00:00").matches(W3C_CHICAGO);
        assertThat(request.get("agency_responsible").asText()).isEqualTo("Sanitation Department");
        assertThat(publicNotes(id)).anySatisfy(note -> assertThat(note).startsWith("Collection day: Wednesday ")
                .endsWith("Put the items at the curb by 7 a.m. that day."));
    }

    @Test
    void anAbandonedVehicleIsTaggedWithAPublicNoteAndTowedOnlyAfterTheTaggingPeriod() {
        String id = submit(vehicle());

        assertThat(publicNotes(id)).anySatisfy(note -> assertThat(note)
                .startsWith("The vehicle is tagged; it is towed after ").endsWith(" if it has not been moved."));
        Job tow = towTimer(id);
        assertThat(tow.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(2 * 24 * 3600));
        assertThat(departmentWork(id)).as("no tow before the tagging period is over").isZero();

        management.executeJob(tow.getId());

        assertThat(departmentWork(id)).as("the tow is sent to the department").isOne();
    }

    @Test
    void aVehicleWhoseRequestWasClosedDuringTheTaggingPeriodIsNotTowed() {
        String id = submit(vehicle());
        long requestId = requests.find(id).orElseThrow().id();
        requests.close(requestId, "The owner moved the vehicle.", Instant.now());

        management.executeJob(towTimer(id).getId());

        assertThat(departmentWork(id)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey("abandoned_vehicle").singleResult().getEndActivityId())
                .isEqualTo("Event_ClosedWithoutTow");
    }

    private static Open311Client.Form vehicle() {
        return Open311Client.Form.of("api_key", WEB_KEY, "service_code", "abandoned_vehicle",
                "address_string", "500 W Madison St", "attribute[plate]", "ABC 1234",
                "attribute[vehicle]", "white Ford Focus", "attribute[days_parked]", "5");
    }

    private Job towTimer(String id) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey("abandoned_vehicle").singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).activityId("Event_TaggingPeriodOver")
                .timers().singleResult();
    }

    private long departmentWork(String id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey("department-work").count();
    }

    private List<String> publicNotes(String id) {
        return RequestUpdatesConformanceTest.updatesOf(id, api.get(V2 + "/servicerequestupdates.json").json())
                .stream().map(update -> update.get("description").asText()).toList();
    }

    private static LocalDate plusBusinessDays(LocalDate day, int days) {
        LocalDate result = day;
        for (int counted = 0; counted < days; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return result;
    }

    private static LocalDate firstWednesdayFrom(LocalDate day) {
        LocalDate result = day;
        while (result.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            result = result.plusDays(1);
        }
        return result;
    }
}
