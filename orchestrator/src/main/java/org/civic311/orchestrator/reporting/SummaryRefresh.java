package org.civic311.orchestrator.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the summary up to date: every {@code civic311.reporting.refresh-interval} it finds the requests changed since
 * its watermark (updated, escalated, or answered by their resident) and rebuilds the days they were received, then
 * those days' months. The
 * first run, on an empty watermark, rebuilds every day. Changes are looked for a few minutes before the watermark too,
 * since a transaction may commit after a later one.
 */
@Component
class SummaryRefresh {

    private static final Logger log = LoggerFactory.getLogger(SummaryRefresh.class);
    static final Duration OVERLAP = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final SummaryRebuild rebuild;
    private final Clock clock;

    SummaryRefresh(JdbcTemplate jdbc, TransactionTemplate transactions, @Value("${civic311.zone}") ZoneId zone,
                   Clock clock) {
        this.jdbc = jdbc;
        this.rebuild = new SummaryRebuild(jdbc, transactions, zone);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${civic311.reporting.refresh-interval:60s}",
            fixedDelayString = "${civic311.reporting.refresh-interval:60s}")
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The next run tries again from the same watermark; the dashboard shows the summary's age meanwhile.
            log.warn("The reporting summary could not be refreshed: {}", e.toString());
        }
    }

    /** @return the number of days rebuilt */
    synchronized int refresh() {
        Instant start = clock.instant();
        Instant watermark = refreshedTo();
        int days;
        if (watermark == null) {
            days = rebuild.rebuildAll(rebuild.dayOf(start));
            jdbc.update("INSERT INTO report_watermark (id, refreshed_to) VALUES (1, ?)", SummaryRebuild.utc(start));
        } else {
            LocalDateTime since = SummaryRebuild.utc(watermark.minus(OVERLAP));
            TreeSet<LocalDate> changed = new TreeSet<>();
            for (String sql : List.of(
                    "SELECT requested_at FROM service_request WHERE updated_at > ?",
                    "SELECT r.requested_at FROM staff_note s JOIN service_request r ON r.id = s.request_id WHERE s.created_at > ?",
                    "SELECT r.requested_at FROM follow_up f JOIN service_request r ON r.id = f.request_id WHERE f.answered_at > ?")) {
                jdbc.queryForList(sql, LocalDateTime.class, since)
                        .forEach(at -> changed.add(rebuild.dayOf(at.toInstant(ZoneOffset.UTC))));
            }
            rebuild.rebuild(changed);
            days = changed.size();
            jdbc.update("UPDATE report_watermark SET refreshed_to = ? WHERE id = 1", SummaryRebuild.utc(start));
        }
        if (days > 0) {
            log.debug("Reporting summary: {} days rebuilt", days);
        }
        return days;
    }

    /** Changes up to this time are in the summary; null before the first refresh. */
    Instant refreshedTo() {
        List<LocalDateTime> at = jdbc.queryForList("SELECT refreshed_to FROM report_watermark WHERE id = 1",
                LocalDateTime.class);
        return at.isEmpty() ? null : at.get(0).toInstant(ZoneOffset.UTC);
    }
}
