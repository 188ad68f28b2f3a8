package org.civic311.simulators.cityworks;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.civic311.simulators.cityworks.CityworksTestClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.cityworks.CityworksTestClient.data;

class FaultInjectionTest extends SimulatorHttpTest {

    @Test
    void whileDownEveryCallIs503AndNothingIsDone() {
        simulator.goDown();

        Reply create = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101));
        Reply login = client.authenticate("demo", "demo");
        Reply unknown = client.call("Ams/Nothing/Here", data());

        assertThat(List.of(create, login, unknown)).allSatisfy(reply -> assertThat(reply.httpStatus()).isEqualTo(503));
        assertThat(simulator.serviceRequestsCreated()).isZero();
        assertThat(simulator.callsRefused()).isEqualTo(3);

        simulator.comeBack();

        assertThat(client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101)).status()).as("the token survived").isZero();
        assertThat(simulator.isDown()).isFalse();
    }

    @Test
    void aLostCreateAnswerStillCreatesTheRequestAndByOtherSystemIdFindsIt() {
        simulator.loseNextResponses(1);

        Reply lost = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "civic311-sr-77"));

        assertThat(lost.httpStatus()).isEqualTo(502);
        assertThat(lost.body()).doesNotContain("RequestId");
        assertThat(simulator.serviceRequestsCreated()).isEqualTo(1);
        assertThat(simulator.responsesLost()).isEqualTo(1);
        long requestId = client.call("Ams/ServiceRequest/ByOtherSystemId", data("OtherSystemId", "civic311-sr-77"))
                .ok().path("RequestId").asLong();
        assertThat(simulator.request(requestId)).isPresent();

        Reply next = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "civic311-sr-78"));
        assertThat(next.ok().path("RequestId").asLong()).isGreaterThan(requestId);
    }

    @Test
    void aClientThatBlindlyRetriesCreatesADuplicateTheSimulatorMakesVisible() {
        simulator.loseNextResponses(1);

        client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "civic311-sr-79"));
        client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101, "OtherSystemId", "civic311-sr-79")).ok();

        assertThat(simulator.requestsWithOtherSystemId("civic311-sr-79")).hasSize(2);
    }

    @Test
    void onlyCreateAnswersAreLostAndWorkOrderCreatesCountToo() {
        long requestId = createRequest("civic311-sr-80");
        simulator.loseNextResponses(2);

        Reply read = client.call("Ams/ServiceRequest/ById", data("RequestId", requestId));
        Reply lostWorkOrder = client.call("Ams/WorkOrder/Create",
                data("WOTemplateId", "2001", "EntityType", "STREET", "Text1", "civic311-task-80"));
        Reply lostRequest = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101));
        Reply answered = client.call("Ams/ServiceRequest/Create", data("ProblemSid", 101));

        assertThat(read.status()).isZero();
        assertThat(lostWorkOrder.httpStatus()).isEqualTo(502);
        assertThat(lostRequest.httpStatus()).isEqualTo(502);
        assertThat(answered.status()).isZero();
        assertThat(simulator.workOrdersCreated()).isEqualTo(1);
        assertThat(client.call("Ams/WorkOrder/Search", data("Text1", List.of("civic311-task-80"))).ok()).hasSize(1);
    }
}
