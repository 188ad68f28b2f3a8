package org.civic311.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A long weekend without the residents' mail server: a notice is tried on the real schedule (the settings'
 * defaults), with the notice sender's clock moved on instead of waiting, and is failed for staff only after 72 hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
@DirtiesContext
@Import(NoticeOutageTest.MovableClock.class)
class NoticeOutageTest {

    /** Nothing listens there: every connection is refused at once, as when a server is down. */
    static final int DOWN = closedPort();

    @DynamicPropertySource
    static void mailServerIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> DOWN);
        registry.add("civic311.connectors.email.smtp.port", () -> DOWN);
        registry.add("civic311.connectors.email.imap.port", () -> DOWN);
        registry.add("civic311.dispatch.poll-interval", () -> "1h");
        registry.add("camunda.bpm.job-execution.enabled", () -> false);
        // The test sends what is due itself, once per due time.
        registry.add("civic311.notifications.send-interval", () -> "1h");
    }

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Moving movingClock() {
            return new Moving(Instant.now());
        }
    }

    /** A clock the test moves on. */
    static final class Moving extends Clock {
        private volatile Instant now;

        Moving(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    Moving clock;
    @Autowired
    NoticeSender sender;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient db;

    @Test
    void aReceiptWhileTheMailServerIsDownIsStillTriedAfter71HoursAndFailedForStaffOnlyAfter72() throws Exception {
        Instant outageStarts = clock.instant();
        String id = submitPothole();
        int tries = 0;
        Instant lastFailureStillRetried = null;
        Map<String, Object> notice = notice(id);
        while ("PENDING".equals(notice.get("STATUS"))) {
            // As the sender would: when the notice falls due.
            clock.set(((Timestamp) notice.get("NEXT_ATTEMPT_AT")).toLocalDateTime().toInstant(ZoneOffset.UTC));
            sender.sendDue();
            tries++;
            assertThat(tries).as("tries").isLessThan(60);
            notice = notice(id);
            if ("PENDING".equals(notice.get("STATUS"))) {
                assertThat(((Number) notice.get("ATTEMPTS")).intValue()).isEqualTo(tries);
                lastFailureStillRetried = clock.instant();
            }
        }
        assertThat(tries).isGreaterThan(10);
        assertThat(lastFailureStillRetried).isAfter(outageStarts.plus(Duration.ofHours(71)));
        assertThat(notice.get("STATUS")).isEqualTo("FAILED");
        assertThat(clock.instant()).isAfter(outageStarts.plus(Duration.ofHours(72)));
        assertThat((String) notice.get("LAST_ERROR")).isNotBlank();
        String staff = http.withBasicAuth("e2eadmin", "e2e-admin-password")
                .getForObject("/staff/api/requests/{id}/notifications", String.class, id);
        assertThat(staff).contains("\"status\":\"FAILED\"").doesNotContain("outage@example.org");
    }

    Map<String, Object> notice(String id) {
        return new HashMap<>(db.sql("""
                        SELECT n.status, n.attempts, n.next_attempt_at, n.last_error FROM notification n
                        JOIN service_request r ON r.id = n.request_id WHERE r.tracking_number = :id""")
                .param("id", id).query().singleRow());
    }

    String submitPothole() throws Exception {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "pothole");
        form.add("address_string", "121 N LaSalle St");
        form.add("attribute[hazard]", "no");
        form.add("email", "outage@example.org");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
