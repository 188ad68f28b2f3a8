package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The failures a resilient client must survive: an outage, and a create whose response is lost. */
@SimulatorTest
class FaultInjectionTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator simulator;

    AccelaHttp accela;

    @BeforeEach
    void login() {
        simulator.reset();
        accela = new AccelaHttp(port).login();
    }

    @AfterEach
    void recover() {
        simulator.reset();
    }

    @Test
    void whileDownEveryRequestIsA503FromTheGatewayAndAfterwardsAllIsServed() {
        simulator.goDown();

        Reply api = accela.get("/v4/records");
        Reply token = accela.token(AccelaHttp.passwordForm());
        Reply create = accela.post("/v4/records", RecordsApiTest.serviceRequest());

        assertThat(api.status()).isEqualTo(503);
        assertThat(api.headers().getContentType().toString()).startsWith("text/html");
        assertThat(api.body()).contains("503 Service Temporarily Unavailable");
        assertThat(token.status()).isEqualTo(503);
        assertThat(create.status()).isEqualTo(503);
        assertThat(simulator.recordsCreated()).isZero();
        assertThat(simulator.requestsRefused()).isEqualTo(3);

        simulator.comeBack();

        assertThat(accela.get("/v4/records").status()).isEqualTo(200);
        assertThat(accela.post("/v4/records", RecordsApiTest.serviceRequest()).status()).isEqualTo(200);
    }

    @Test
    void aLostResponseStillCommitsTheRecordAndASearchFindsIt() {
        simulator.loseNextResponses(1);

        Reply lost = accela.post("/v4/records", RecordsApiTest.serviceRequest());

        assertThat(lost.status()).isEqualTo(502);
        assertThat(lost.headers().getContentType().toString()).startsWith("text/html");
        assertThat(lost.body()).contains("502 Bad Gateway").doesNotContain("CIVIC311-");
        assertThat(simulator.recordsCreated()).isEqualTo(1);
        assertThat(simulator.responsesLost()).isEqualTo(1);

        Reply search = accela.post("/v4/search/records", Map.of("shortNotes", "civic311:task-1001"));
        assertThat(search.json().get("result")).as("the record exists though its creator never heard").hasSize(1);

        Reply next = accela.post("/v4/records", RecordsApiTest.serviceRequest());
        assertThat(next.status()).as("only the next one is lost").isEqualTo(200);
        assertThat(simulator.recordsCreated()).isEqualTo(2);
    }

    @Test
    void onlySuccessfulCreationsLoseTheirResponse() {
        simulator.loseNextResponses(1);

        Reply refused = accela.post("/v4/records", Map.of("description", "no type"));
        Reply lost = accela.post("/v4/records", RecordsApiTest.serviceRequest());
        Reply read = accela.get("/v4/records");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(lost.status()).isEqualTo(502);
        assertThat(read.status()).as("reads are never lost").isEqualTo(200);
    }
}
