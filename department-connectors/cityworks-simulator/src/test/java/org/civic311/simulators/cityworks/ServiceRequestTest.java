package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.CityworksTestClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class ServiceRequestTest extends SimulatorHttpTest {

    private static final String WIRE_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    @Test
    void createEchoesTheRequestAsRequestBaseAndByIdReturnsTheSame() {
        JsonNode created = client.call("Ams/ServiceRequest/Create", data(
                "ProblemSid", 101, "Details", "Deep pothole in the bike lane", "Comments", "Reported via 311 app",
                "X", -84.3880, "Y", 33.7490, "Address", "100 Main St", "City", "Springfield", "State", "IL",
                "Zip", "62701", "Priority", "1", "OtherSystemId", "civic311-sr-42", "InitiatedByApp", "Civic311",
                "CallerFirstName", "Ada", "CallerLastName", "Lovelace", "CallerEmail", "ada@example.org",
                "CallerCellPhone", "555-0100", "Text1", "civic311-sr-42")).ok();

        assertThat(created.path("RequestId").isIntegralNumber()).isTrue();
        assertThat(created.path("ProblemSid").asInt()).isEqualTo(101);
        assertThat(created.path("ProblemCode").asText()).isEqualTo("POTHOLE");
        assertThat(created.path("Status").asText()).isEqualTo("OPEN");
        assertThat(created.path("IsClosed").asBoolean()).isFalse();
        assertThat(created.path("Cancel").asBoolean()).isFalse();
        assertThat(created.path("DateTimeInit").asText()).matches(WIRE_DATE);
        assertThat(created.path("DateTimeClosed").isNull()).isTrue();
        assertThat(created.path("ProbAddress").asText()).isEqualTo("100 Main St");
        assertThat(created.path("ProbCity").asText()).isEqualTo("Springfield");
        assertThat(created.path("ProbZip").asText()).isEqualTo("62701");
        assertThat(created.path("SRX").asDouble()).isEqualTo(-84.3880);
        assertThat(created.path("SRY").asDouble()).isEqualTo(33.7490);
        assertThat(created.path("Details").asText()).isEqualTo("Deep pothole in the bike lane");
        assertThat(created.path("Priority").asText()).isEqualTo("1");
        assertThat(created.path("OtherSystemId").asText()).isEqualTo("civic311-sr-42");
        assertThat(created.path("InitiatedBy").asText()).isEqualTo("demo");
        assertThat(created.path("Text1").asText()).isEqualTo("civic311-sr-42");
        assertThat(created.has("Address")).as("Address comes back as ProbAddress only").isFalse();

        long requestId = created.path("RequestId").asLong();
        assertThat(client.call("Ams/ServiceRequest/ById", data("RequestId", requestId)).ok()).isEqualTo(created);

        CityworksRequest held = simulator.request(requestId).orElseThrow();
        assertThat(held.caller()).containsEntry("CallerFirstName", "Ada").containsEntry("CallerEmail", "ada@example.org");
        assertThat(held.comments()).containsExactly("Reported via 311 app");
        assertThat(simulator.serviceRequestsCreated()).isEqualTo(1);
    }

    @Test
    void createWithoutProblemSidIsErrorRequiredFields() {
        Reply reply = client.call("Ams/ServiceRequest/Create", data("Details", "No problem type"));

        assertThat(reply.httpStatus()).isEqualTo(200);
        assertThat(reply.status()).isEqualTo(1);
        assertThat(reply.error().path("Code").asInt()).isEqualTo(33);
        assertThat(reply.error().path("Name").asText()).isEqualTo("ErrorRequiredFields");
        assertThat(reply.error().path("MessageType").asInt()).isEqualTo(2);
        assertThat(reply.error().path("Service").asText()).isEqualTo("Ams/ServiceRequest/Create");
        assertThat(simulator.serviceRequestsCreated()).isZero();
    }

    @Test
    void unknownProblemsAndBadValuesAreInvalidFieldAndCreateNothing() {
        Reply unknownProblem = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 999));
        Reply badDate = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "Date1", "next Tuesday"));
        Reply brokenJson = client.callRaw("Ams/ServiceRequest/Create", "{\"ProblemSid\": 101,");

        assertThat(List.of(unknownProblem, badDate, brokenJson)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(1);
            assertThat(reply.error().path("Code").asInt()).isEqualTo(30);
            assertThat(reply.error().path("Name").asText()).isEqualTo("InvalidField");
        });
        assertThat(simulator.serviceRequestsCreated()).isZero();
    }

    @Test
    void byOtherSystemIdFindsTheRequestAndAnUnknownOneIsASuccessWithoutValue() {
        long requestId = createRequest("civic311-sr-7");

        JsonNode found = client.call("Ams/ServiceRequest/ByOtherSystemId", data("OtherSystemId", "civic311-sr-7")).ok();
        Reply missing = client.call("Ams/ServiceRequest/ByOtherSystemId", data("OtherSystemId", "civic311-sr-8"));

        assertThat(found.path("RequestId").asLong()).isEqualTo(requestId);
        assertThat(missing.ok().isNull()).as("Value of a miss").isTrue();
        assertThat(missing.json().path("ErrorMessages").isEmpty()).isTrue();
        assertThat(missing.json().path("WarningMessages").path(0).path("Code").asInt()).isEqualTo(60);
    }

    @Test
    void ofTwoRequestsWithTheSameOtherSystemIdByOtherSystemIdAnswersOneThatIsNotTheFirst() {
        long first = createRequest("civic311-sr-9");
        long second = createRequest("civic311-sr-9");

        JsonNode found = client.call("Ams/ServiceRequest/ByOtherSystemId", data("OtherSystemId", "civic311-sr-9")).ok();

        assertThat(found.path("RequestId").asLong()).isEqualTo(second).isNotEqualTo(first);
        assertThat(ids(search(data("OtherSystemId", List.of("civic311-sr-9"))))).containsExactly(first, second);
    }

    @Test
    void referencesLongerThanTheSitesColumnsAreRefusedAndStoreNothing() {
        Reply longId = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "x".repeat(31)));
        Reply longText = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "Text1", "x".repeat(101)));

        assertThat(longId.status()).isEqualTo(1);
        assertThat(longId.error().path("Name").asText()).isEqualTo("InvalidField");
        assertThat(longId.error().path("DisplayText").asText()).contains("OtherSystemId").contains("at most 30");
        assertThat(longText.error().path("DisplayText").asText()).contains("Text1").contains("at most 100");
        assertThat(simulator.requests()).isEmpty();
        client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "x".repeat(30))).ok();
    }

    @Test
    void byIdsReturnsWhatExistsAndWarnsAboutTheRest() {
        long requestId = createRequest("civic311-sr-1");

        Reply reply = client.call("Ams/ServiceRequest/ByIds", data("RequestIds", List.of(requestId, 1L)));

        assertThat(reply.ok()).hasSize(1);
        assertThat(reply.json().path("WarningMessages").path(0).path("Code").asInt()).isEqualTo(60);
        assertThat(client.call("Ams/ServiceRequest/ById", data("RequestId", 1)).error().path("Code").asInt()).isEqualTo(35);
    }

    @Test
    void searchByDateTimeClosedBeginReturnsOnlyRequestsClosedSinceThen() {
        long closedEarlier = createRequest("civic311-sr-1");
        long closedLater = createRequest("civic311-sr-2");
        createRequest("civic311-sr-3");
        client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(closedEarlier))).ok();
        simulator.shiftClock(Duration.ofMinutes(10));
        String watermark = simulator.dates.format(simulator.now());
        simulator.shiftClock(Duration.ofMinutes(1));
        client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(closedLater))).ok();

        JsonNode legacyDate = client.call("Ams/ServiceRequest/Search",
                data("Closed", true, "DateTimeClosedBegin", watermark)).ok();
        JsonNode isoDate = client.call("Ams/ServiceRequest/Search",
                data("DateTimeClosedBegin", watermark + "Z")).ok();

        assertThat(ids(legacyDate)).as("Search answers RequestIds only").containsExactly(closedLater);
        assertThat(ids(isoDate)).containsExactly(closedLater);
        JsonNode fetched = client.call("Ams/ServiceRequest/ByIds", data("RequestIds", ids(legacyDate))).ok();
        assertThat(fetched.path(0).path("IsClosed").asBoolean()).isTrue();
        assertThat(fetched.path(0).path("DateTimeClosed").asText()).isGreaterThanOrEqualTo(watermark);
    }

    @Test
    void searchFiltersByStatusOtherSystemIdProblemAndLimitsResults() {
        long first = createRequest("civic311-sr-1");
        long second = createRequest("civic311-sr-2");
        long third = createRequest("civic311-sr-3");
        client.call("Ams/ServiceRequest/Update", data("RequestId", second, "Status", "INPROG")).ok();

        assertThat(ids(search(data("Status", List.of("inprog"))))).containsExactly(second);
        assertThat(ids(search(data("OtherSystemId", List.of("civic311-sr-1", "civic311-sr-3"))))).containsExactly(first, third);
        assertThat(ids(search(data("ProblemSid", List.of(104))))).isEmpty();
        assertThat(ids(search(data("RequestIds", List.of(third, first))))).containsExactly(first, third);
        assertThat(ids(search(data("Closed", false, "MaxResults", 2)))).containsExactly(first, second);
    }

    @Test
    void closeMarksTheRequestClosedAndClosingItAgainChangesNothing() {
        long requestId = createRequest("civic311-sr-1");

        JsonNode closed = client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok().path(0);
        simulator.shiftClock(java.time.Duration.ofMinutes(5));
        JsonNode again = client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok().path(0);

        assertThat(closed.path("Status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("IsClosed").asBoolean()).isTrue();
        assertThat(closed.path("DateTimeClosed").asText()).matches(WIRE_DATE);
        assertThat(closed.path("ClosedBy").asText()).isEqualTo("demo");
        assertThat(again.path("DateTimeClosed").asText()).isEqualTo(closed.path("DateTimeClosed").asText());
    }

    @Test
    void closingAnUnknownRequestIsAWarningAndTheKnownOneCloses() {
        long requestId = createRequest("civic311-sr-1");

        Reply reply = client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId, 1L)));

        assertThat(reply.ok()).hasSize(1);
        assertThat(reply.json().path("WarningMessages").path(0).path("Code").asInt()).isEqualTo(60);
        assertThat(simulator.request(requestId).orElseThrow().closed()).isTrue();
    }

    @Test
    void updateRefusesToMoveACanceledRequestToClosedOrAClosedOneToCanceled() {
        long canceled = createRequest("civic311-sr-1");
        long closed = createRequest("civic311-sr-2");
        client.call("Ams/ServiceRequest/Cancel", data("RequestIds", List.of(canceled))).ok();
        client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(closed))).ok();

        Reply closing = client.call("Ams/ServiceRequest/Update", data("RequestId", canceled, "Status", "CLOSED"));
        Reply canceling = client.call("Ams/ServiceRequest/Update", data("RequestId", closed, "Status", "CANCEL"));

        assertThat(closing.error().path("Code").asInt()).isEqualTo(31);
        assertThat(closing.error().path("Name").asText()).isEqualTo("ErrorStatusCantBeClosed");
        assertThat(canceling.error().path("Code").asInt()).isEqualTo(32);
        assertThat(simulator.request(canceled).orElseThrow().status()).isEqualTo("CANCEL");
    }

    @Test
    void cancelMarksTheRequestCanceledAndNeitherCloseNorCancelChangesItAgain() {
        long requestId = createRequest("civic311-sr-1");

        JsonNode canceled = client.call("Ams/ServiceRequest/Cancel",
                data("RequestIds", List.of(requestId), "CancelReason", "Duplicate report")).ok().path(0);

        assertThat(canceled.path("Cancel").asBoolean()).isTrue();
        assertThat(canceled.path("Status").asText()).isEqualTo("CANCEL");
        assertThat(canceled.path("DateCancelled").asText()).matches(WIRE_DATE);
        assertThat(canceled.path("CancelReason").asText()).isEqualTo("Duplicate report");
        assertThat(client.call("Ams/ServiceRequest/Close", data("RequestIds", List.of(requestId))).ok().path(0)
                .path("IsClosed").asBoolean()).isFalse();
        assertThat(client.call("Ams/ServiceRequest/Cancel", data("RequestIds", List.of(requestId), "CancelReason", "Other"))
                .ok().path(0).path("CancelReason").asText()).isEqualTo("Duplicate report");
        assertThat(ids(search(data("Canceled", true)))).containsExactly(requestId);
    }

    @Test
    void updateChangesOnlyWhatIsSent() {
        long requestId = client.call("Ams/ServiceRequest/Create",
                data("ProblemSid", 104, "Details", "Light out at the corner", "Address", "5 Elm St")).ok().path("RequestId").asLong();

        JsonNode updated = client.call("Ams/ServiceRequest/Update", data("RequestId", requestId, "Status", "INPROG",
                "Resolution", "Crew dispatched", "Priority", "2")).ok();

        assertThat(updated.path("Status").asText()).isEqualTo("INPROG");
        assertThat(updated.path("Resolution").asText()).isEqualTo("Crew dispatched");
        assertThat(updated.path("Priority").asText()).isEqualTo("2");
        assertThat(updated.path("Details").asText()).isEqualTo("Light out at the corner");
        assertThat(updated.path("ProbAddress").asText()).isEqualTo("5 Elm St");
        assertThat(updated.path("IsClosed").asBoolean()).isFalse();
        assertThat(client.call("Ams/ServiceRequest/Update", data("Status", "INPROG")).error().path("Code").asInt()).isEqualTo(33);
    }

    @Test
    void problemsListTheConfiguredProblemTypes() {
        JsonNode problems = client.call("Ams/ServiceRequest/Problems", data("ForPublicOnly", true)).ok();
        JsonNode treeDown = client.call("Ams/ServiceRequest/ProblemLeafBySid", data("ProblemSid", 103)).ok();

        assertThat(StreamSupport.stream(problems.spliterator(), false).map(p -> p.path("ProblemCode").asText()))
                .contains("POTHOLE", "TREE DAMAGED", "TREE DOWN", "STREET LIGHT OUT");
        assertThat(problems.path(0).has("ProblemSid")).isTrue();
        assertThat(treeDown.path("ProblemCode").asText()).isEqualTo("TREE DOWN");
        assertThat(treeDown.path("ProbCategory").asText()).isEqualTo("FORESTRY");
        assertThat(client.call("Ams/ServiceRequest/ProblemLeafBySid", data("ProblemSid", 999)).error().path("Code").asInt())
                .isEqualTo(35);
    }

    @Test
    void pathsMatchInAnyCaseAndAnUnknownMethodIsNotFound() {
        Reply lowerCase = client.callPath("services/ams/servicerequest/create", data("ProblemSid", 102));
        long requestId = lowerCase.ok().path("RequestId").asLong();
        Reply upperCase = client.callPath("SERVICES/AMS/SERVICEREQUEST/BYID/", data("RequestId", requestId));
        Reply unknown = client.call("Ams/ServiceRequest/Teleport", data());

        assertThat(upperCase.ok().path("ProblemCode").asText()).isEqualTo("TREE DAMAGED");
        assertThat(unknown.httpStatus()).isEqualTo(404);
    }

    @Test
    void staffActionsFromJavaShowThroughTheApi() {
        long requestId = createRequest("civic311-sr-1");

        simulator.setRequestStatus(requestId, "INPROG");
        simulator.addRequestComment(requestId, "Crew on site");
        simulator.closeRequest(requestId, "Pothole filled");

        JsonNode request = client.call("Ams/ServiceRequest/ById", data("RequestId", requestId)).ok();
        assertThat(request.path("Status").asText()).isEqualTo("CLOSED");
        assertThat(request.path("Resolution").asText()).isEqualTo("Pothole filled");
        assertThat(request.path("ClosedBy").asText()).isEqualTo("Public Works Crew");
        assertThat(simulator.request(requestId).orElseThrow().comments()).containsExactly("Crew on site");
    }

    private JsonNode search(Map<String, ?> criteria) {
        return client.call("Ams/ServiceRequest/Search", criteria).ok();
    }

    private static List<Long> ids(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(id -> {
            assertThat(id.isIntegralNumber()).as("Search answers numbers").isTrue();
            return id.asLong();
        }).toList();
    }
}
