package org.civic311.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.WorkOrder;
import org.civic311.orchestrator.catalog.Departments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Where the next poll starts. A connector that reads a bounded amount per poll says where it stopped; moving the
 * watermark past that point would pass over everything it did not read.
 */
class DepartmentUpdatePollTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    JdbcClient db;
    Watermarks watermarks;
    final List<Instant> asked = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:poll-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        db = JdbcClient.create(dataSource);
        watermarks = new Watermarks(db);
    }

    @Test
    void aConnectorThatStoppedEarlyIsAskedAgainFromWhereItStopped() {
        Instant stoppedAt = NOW.minus(Duration.ofHours(3));
        DepartmentUpdatePoll poll = pollOf(new PulledUpdates(List.of(), List.of(), stoppedAt));

        poll.poll("mailbox");
        poll.poll("mailbox");

        assertThat(watermarks.since("mailbox", Instant.EPOCH)).isEqualTo(stoppedAt);
        assertThat(asked.get(1)).isEqualTo(stoppedAt);
    }

    @Test
    void aConnectorThatReadEverythingIsAskedAgainFromALittleBeforeThisPoll() {
        DepartmentUpdatePoll poll = pollOf(PulledUpdates.all(List.of()));

        poll.poll("mailbox");

        assertThat(watermarks.since("mailbox", Instant.EPOCH)).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
    }

    private DepartmentUpdatePoll pollOf(PulledUpdates answer) {
        DepartmentConnector connector = new DepartmentConnector() {
            @Override
            public String system() {
                return "mailbox";
            }

            @Override
            public ExternalRef push(WorkOrder order) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PulledUpdates pullUpdates(Instant since) {
                asked.add(since);
                return answer;
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WorkUpdateImport updateImport = new WorkUpdateImport(new DepartmentTasks(db), new WorkUpdates(db),
                new UnreadableUpdates(db), null, new Departments(Map.of()), event -> { }, clock);
        return new DepartmentUpdatePoll(new DepartmentSystems(List.of(connector)), watermarks, updateImport, clock,
                new DefaultLockRegistry(), new SimpleAsyncTaskScheduler());
    }
}
