package org.civic311.orchestrator.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small data set whose measures docs/reporting.md works out by hand (city time UTC, seen on 1 April 2026 at
 * noon): eight requests received in March 2026, one in February.
 * <pre>
 * id type      dept       channel area          received     closed        expected      notes
 * 1  pothole   streets    web     Ward 1        03-02 10:00  03-03 10:00   03-05 10:00   24 h, on time
 * 2  pothole   streets    phone   Ward 1        03-02 11:00  03-05 12:00   03-05 11:00   73 h, an hour late, escalated
 * 3  pothole   streets    web     Ward 1        03-02 12:00  03-05 12:00   03-05 12:00   72 h, on the dot; supervisors warned
 * 4  pothole   streets    web     ZIP 60601     03-03 09:00  open          03-06 09:00   overdue now, escalated
 * 5  pothole   streets    phone   Ward 2        03-03 09:30  03-03 13:30   03-06 09:30   4 h, duplicate of 1
 * 6  pothole   streets    web     Ward 2        03-04 08:00  03-10 08:00   03-11 08:00   144 h, reopened; answers NO (2), YES (4)
 * 7  graffiti  sanitation email   Ward 2        03-04 10:00  03-04 11:30   03-05 10:00   1.5 h; answer YES (5)
 * 8  graffiti  sanitation web     Ward 1        03-20 10:00  open          04-10 10:00   open, not overdue
 * 9  pothole   streets    web     Ward 1        02-15 10:00  02-16 10:00   02-18 10:00   outside March
 * </pre>
 */
final class FixedRequests {

    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    private FixedRequests() {
    }

    /** The dashboard's "now". */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    static void insert(JdbcTemplate jdbc) {
        request(jdbc, 1, "pothole", "streets", "web", "Ward 1", null, "03-02T10:00", "03-03T10:00", "03-05T10:00", null);
        request(jdbc, 2, "pothole", "streets", "phone", "Ward 1", null, "03-02T11:00", "03-05T12:00", "03-05T11:00", null);
        request(jdbc, 3, "pothole", "streets", "web", "Ward 1", null, "03-02T12:00", "03-05T12:00", "03-05T12:00", null);
        request(jdbc, 4, "pothole", "streets", "web", null, "60601", "03-03T09:00", null, "03-06T09:00", null);
        request(jdbc, 5, "pothole", "streets", "phone", "Ward 2", null, "03-03T09:30", "03-03T13:30", "03-06T09:30", 1L);
        request(jdbc, 6, "pothole", "streets", "web", "Ward 2", null, "03-04T08:00", "03-10T08:00", "03-11T08:00", null);
        request(jdbc, 7, "graffiti", "sanitation", "email", "Ward 2", null, "03-04T10:00", "03-04T11:30", "03-05T10:00",
                null);
        request(jdbc, 8, "graffiti", "sanitation", "web", "Ward 1", null, "03-20T10:00", null, "04-10T10:00", null);
        request(jdbc, 9, "pothole", "streets", "web", "Ward 1", null, "02-15T10:00", "02-16T10:00", "02-18T10:00", null);

        staffNote(jdbc, 2, "Civic311", "Overdue: escalation task for supervisors-streets.", "03-05T11:00");
        staffNote(jdbc, 2, "Civic311", "Still overdue: escalation task for directors.", "03-05T11:30");
        staffNote(jdbc, 3, "Civic311", "Supervisors warned (streets@example.org): due 5 March.", "03-04T12:00");
        staffNote(jdbc, 4, "Civic311", "Overdue: escalation task for supervisors-streets.", "03-06T09:00");
        staffNote(jdbc, 4, "streets", "Overdue: we know.", "03-06T10:00");
        jdbc.update("INSERT INTO request_note (request_id, note_type, description, created_at) VALUES (6, 'reopened',"
                + " 'The resident says it is not fixed.', ?)", at("03-07T08:00"));
        followUp(jdbc, 6, 1, "NO", 2, "03-07T08:00");
        followUp(jdbc, 6, 2, "YES", 4, "03-12T08:00");
        followUp(jdbc, 7, 1, "YES", 5, "03-06T08:00");
        // Asked, never answered: no answer to count.
        jdbc.update("""
                INSERT INTO follow_up (request_id, round_no, token, ask_at, asked_at)
                VALUES (1, 1, 'fixed-unanswered', ?, ?)""", at("03-06T10:00"), at("03-06T10:00"));
    }

    private static void request(JdbcTemplate jdbc, long id, String code, String department, String channel,
                                String area, String zipcode, String received, String closed, String expected,
                                Long duplicateOf) {
        jdbc.update("""
                INSERT INTO service_request (id, tracking_number, service_code, service_name, status, channel,
                    department, area, zipcode, requested_at, updated_at, expected_at, closed_at, duplicate_of,
                    email, first_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'resident@example.org', 'Jane')""",
                id, "SR-2026-00000" + id, code, code, closed == null ? "OPEN" : "CLOSED", channel, department, area,
                zipcode, at(received), at(closed == null ? received : closed), at(expected),
                closed == null ? null : at(closed), duplicateOf);
    }

    private static void staffNote(JdbcTemplate jdbc, long id, String author, String body, String when) {
        jdbc.update("INSERT INTO staff_note (request_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                id, author, body, at(when));
    }

    private static void followUp(JdbcTemplate jdbc, long id, int round, String answer, int rating, String when) {
        jdbc.update("""
                INSERT INTO follow_up (request_id, round_no, token, ask_at, asked_at, answer, rating, answered_by,
                                       answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'EMAIL', ?)""", id, round, "fixed-" + id + "-" + round, at(when), at(when),
                answer, rating, at(when));
    }

    static LocalDateTime at(String monthDayTime) {
        return LocalDateTime.parse("2026-" + monthDayTime);
    }
}
