package org.civic311.simulators.accela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.simulators.accela.ApiAuthenticationTest.assertError;

import java.util.List;
import java.util.Map;

import org.civic311.simulators.accela.AccelaHttp.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Record comments: an array in, a resultModel per comment out. */
@SimulatorTest
class CommentsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator simulator;

    AccelaHttp accela;
    String recordId;

    @BeforeEach
    void aRecord() {
        simulator.reset();
        accela = new AccelaHttp(port).login();
        recordId = accela.createRecord("civic311:task-1");
    }

    @Test
    void commentsAreAddedAndReadBack() {
        Reply added = accela.post("/v4/records/" + recordId + "/comments", List.of(
                Map.of("text", "Resident called again", "displayOnInspection", "N"),
                Map.of("text", "Photo: https://example.org/p/1.jpg")));
        Reply read = accela.get("/v4/records/" + recordId + "/comments");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("result")).hasSize(2);
        assertThat(added.at("/result/0/isSuccess")).isEqualTo("true");
        assertThat(added.json().at("/result/0/id").isNumber()).isTrue();
        assertThat(read.json().get("result").findValuesAsText("text"))
                .containsExactly("Resident called again", "Photo: https://example.org/p/1.jpg");
        assertThat(read.at("/result/0/createdBy")).isEqualTo("DEMO");
        assertThat(read.at("/result/0/createdDate")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(read.at("/result/1/displayOnInspection")).isEqualTo("N");
        assertThat(read.at("/result/0/recordId/id")).isEqualTo(recordId);
        assertThat(simulator.findRecord(recordId).orElseThrow().comments()).hasSize(2);
    }

    @Test
    void aBadCommentFailsAloneInItsResult() {
        Reply added = accela.post("/v4/records/" + recordId + "/comments", List.of(
                Map.of("text", "fine"), Map.of("displayOnInspection", "N")));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.at("/result/0/isSuccess")).isEqualTo("true");
        assertThat(added.at("/result/1/isSuccess")).isEqualTo("false");
        assertThat(added.at("/result/1/code")).isEqualTo("data_validation_error");
        assertThat(simulator.findRecord(recordId).orElseThrow().comments()).containsExactly("fine");
    }

    @Test
    void aSingleObjectInsteadOfAnArrayIsABadRequest() {
        assertError(accela.post("/v4/records/" + recordId + "/comments", Map.of("text", "not in an array")), 400, "bad_request");
    }

    @Test
    void aRecordWithoutCommentsAnswersNoResult() {
        Reply read = accela.get("/v4/records/" + recordId + "/comments");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("result")).isFalse();
    }
}
