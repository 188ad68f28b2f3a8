package org.civic311.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.request.UtcColumns.toColumn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.UnreadableUpdate;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.orchestrator.catalog.Departments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Where the next poll starts. A connector that reads a bounded amount per poll says where it stopped; moving the
 * watermark past that point would pass over everything it did not read. An update that never applies must not
 * hold the watermark for ever, and a long poll must keep the system to itself.
 */
class DepartmentUpdatePollTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DataSource dataSource;
    JdbcClient db;
    Watermarks watermarks;
    final List<Instant> asked = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:poll-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        db = JdbcClient.create(dataSource);
        watermarks = new Watermarks(db);
    }

    /**
     * Hours back (a backlog) or within the last minutes (a storm: more replies in a minute than one poll reads;
     * starting again a little before this poll would read the same first ones for ever).
     */
    @ParameterizedTest
    @ValueSource(strings = {"PT3H", "PT40S"})
    void aConnectorThatStoppedEarlyIsAskedAgainFromWhereItStopped(Duration ago) {
        Instant stoppedAt = NOW.minus(ago);
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

    @Test
    void anUpdateThatNeverAppliesIsKeptForStaffAfterAFewRoundsAndNoLongerHoldsUpTheOthers() {
        long taskId = dispatchedTask("ITEM-7");
        WorkUpdate broken = new WorkUpdate(new ExternalRef("mailbox", "ITEM-7"), "reply-1", WorkStatus.COMPLETED,
                "Done", NOW.minus(Duration.ofHours(1)));
        List<Object> events = new ArrayList<>();
        WorkUpdateImport failing = importApplying(update -> {
            throw new IllegalStateException("cannot be applied");
        }, events::add);
        DepartmentUpdatePoll poll = pollOf(connector(() -> PulledUpdates.all(List.of(broken))), failing, jdbcLocks());

        for (int round = 1; round < DepartmentUpdatePoll.APPLY_ATTEMPTS; round++) {
            poll.poll("mailbox");
            assertThat(watermarks.since("mailbox", Instant.EPOCH)).as("round %d", round).isEqualTo(Instant.EPOCH);
        }
        poll.poll("mailbox");
        poll.poll("mailbox");

        assertThat(watermarks.since("mailbox", Instant.EPOCH)).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(db.sql("SELECT update_id FROM unreadable_update WHERE task_id = :task").param("task", taskId)
                .query(String.class).list()).containsExactly("reply-1");
        assertThat(events).singleElement().isInstanceOfSatisfying(DepartmentUpdateUnreadable.class,
                incident -> assertThat(incident.taskId()).isEqualTo(taskId));
    }

    @Test
    void anUnreadableReplyThatCameBeforeItsWorkWasRecordedAsSentRaisesItsIncidentOnceTheTaskIsKnown() {
        UnreadableUpdate broken = new UnreadableUpdate("reply-5", new ExternalRef("mailbox", "ITEM-5"),
                "broken MIME structure", NOW.minusSeconds(5));
        List<Object> events = new ArrayList<>();
        DepartmentUpdatePoll poll = pollOf(connector(() -> new PulledUpdates(List.of(), List.of(broken), null)),
                updateImport(events::add), jdbcLocks());

        poll.poll("mailbox");
        assertThat(events).as("no task of ours yet").isEmpty();

        long taskId = dispatchedTask("ITEM-5");
        poll.poll("mailbox");
        poll.poll("mailbox");

        assertThat(events).singleElement().isInstanceOfSatisfying(DepartmentUpdateUnreadable.class, incident -> {
            assertThat(incident.taskId()).isEqualTo(taskId);
            assertThat(incident.reason()).isEqualTo("broken MIME structure");
        });
        assertThat(db.sql("SELECT task_id FROM unreadable_update WHERE update_id = 'reply-5'").query(Long.class)
                .single()).isEqualTo(taskId);
    }

    @Test
    void whatAnOverlappingPollReadsAgainIsAppliedOnceAndOnlyTheNewUpdatesAreApplied() {
        long taskId = dispatchedTask("ITEM-9");
        ExternalRef item = new ExternalRef("mailbox", "ITEM-9");
        // An id longer than its column is stored as a digest: it must still be known when read again.
        WorkUpdate longId = new WorkUpdate(item, "<" + "m".repeat(300) + "@mail.example.org>", WorkStatus.COMMENT,
                "On our list", NOW.minus(Duration.ofMinutes(3)));
        WorkUpdate started = new WorkUpdate(item, "reply-3", WorkStatus.IN_PROGRESS, "Crew out",
                NOW.minus(Duration.ofMinutes(2)));
        WorkUpdate done = new WorkUpdate(item, "reply-4", WorkStatus.COMPLETED, "Filled", NOW.minus(Duration.ofMinutes(1)));
        List<List<WorkUpdate>> answers = new ArrayList<>(List.of(List.of(longId, started), List.of(longId, started, done)));
        List<String> applied = new ArrayList<>();
        WorkUpdates updates = new WorkUpdates(db);
        WorkUpdateImport recording = importApplying(update -> {
            applied.add(update.updateId());
            updates.recordOnce(taskId, update, NOW);
        });
        DepartmentUpdatePoll poll = pollOf(connector(() -> PulledUpdates.all(answers.remove(0))), recording, jdbcLocks());

        poll.poll("mailbox");
        poll.poll("mailbox");

        assertThat(applied).containsExactly(longId.updateId(), "reply-3", "reply-4");
    }

    @Test
    void updatesOfDifferentWorkItemsAreAppliedSideBySideAndEachItemsInItsOrder() {
        ExternalRef first = new ExternalRef("mailbox", "ITEM-1");
        ExternalRef second = new ExternalRef("mailbox", "ITEM-2");
        List<WorkUpdate> pulled = List.of(
                new WorkUpdate(first, "1-started", WorkStatus.IN_PROGRESS, "On it", NOW.minusSeconds(30)),
                new WorkUpdate(second, "2-done", WorkStatus.COMPLETED, "Done", NOW.minusSeconds(20)),
                new WorkUpdate(first, "1-done", WorkStatus.COMPLETED, "Done", NOW.minusSeconds(10)));
        CountDownLatch bothItemsStarted = new CountDownLatch(2);
        List<String> applied = new CopyOnWriteArrayList<>();
        WorkUpdateImport meetingInTheMiddle = importApplying(update -> {
            if (!update.updateId().equals("1-done")) {
                // Each item's first update waits for the other item's: one after the other, neither would come.
                bothItemsStarted.countDown();
                try {
                    assertThat(bothItemsStarted.await(5, TimeUnit.SECONDS)).as("the other item, side by side")
                            .isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            applied.add(update.updateId());
        });
        DepartmentUpdatePoll poll = pollOf(connector(() -> PulledUpdates.all(pulled)), meetingInTheMiddle, jdbcLocks());

        poll.poll("mailbox");

        assertThat(applied).containsExactlyInAnyOrder("1-started", "2-done", "1-done");
        assertThat(applied.indexOf("1-started")).isLessThan(applied.indexOf("1-done"));
        assertThat(watermarks.since("mailbox", Instant.EPOCH)).as("every update applied").isEqualTo(
                NOW.minus(Duration.ofMinutes(5)));
    }

    @Test
    void aPollThatOutlastsTheLockTimeToLiveKeepsItsLockSoNoOtherNodePollsTheSameSystem() {
        Duration timeToLive = Duration.ofMillis(1500);
        List<Boolean> secondNodePolled = new ArrayList<>();
        DepartmentUpdatePoll secondNode = pollOf(connector(() -> PulledUpdates.all(List.of())),
                updateImport(), jdbcLocks(timeToLive));
        WorkUpdateImport applyingWhileTheSecondNodeTries = importApplying(
                update -> secondNodePolled.add(secondNode.poll("mailbox")));
        WorkUpdate update = new WorkUpdate(new ExternalRef("mailbox", "ITEM-8"), "reply-2", WorkStatus.COMMENT,
                "On it", NOW);
        DepartmentUpdatePoll firstNode = pollOf(connector(() -> {
            // A slow answer: the lock taken before asking is older than its time to live when it arrives.
            sleep(timeToLive.plusMillis(500));
            return PulledUpdates.all(List.of(update));
        }), applyingWhileTheSecondNodeTries, jdbcLocks(timeToLive));

        assertThat(firstNode.poll("mailbox")).isTrue();

        assertThat(secondNodePolled).containsExactly(false);
        assertThat(asked).hasSize(1);
    }

    @Test
    void aSystemStillPollingHoldsUpNeitherAnotherSystemsPollNorItsOwnWebhook() throws Exception {
        CountDownLatch busyAsked = new CountDownLatch(1);
        CountDownLatch releaseBusy = new CountDownLatch(1);
        CountDownLatch quietAsked = new CountDownLatch(1);
        DepartmentConnector busy = named("busy", () -> {
            busyAsked.countDown();
            try {
                // Much to read, or webhooks that keep its poll going round: it is not done for a while.
                assertThat(releaseBusy.await(20, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return PulledUpdates.all(List.of());
        });
        DepartmentConnector quiet = named("quiet", () -> {
            quietAsked.countDown();
            return PulledUpdates.all(List.of());
        });
        DepartmentUpdatePoll poll = new DepartmentUpdatePoll(
                new DepartmentSystems(List.of(busy, quiet), new MockEnvironment()), watermarks, updateImport(),
                new FailedUpdates(db), clock, jdbcLocks(), new SimpleAsyncTaskScheduler(),
                new DispatchMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), 4,
                Duration.ofMinutes(5));
        try {
            poll.pollInRound("busy");
            assertThat(busyAsked.await(10, TimeUnit.SECONDS)).isTrue();

            poll.nudge("busy"); // returns at once: the webhook is answered while the poll goes on
            poll.pollInRound("quiet");

            assertThat(quietAsked.await(10, TimeUnit.SECONDS)).as("the other system polled meanwhile").isTrue();
            assertThat(releaseBusy.getCount()).as("the busy one still polling").isEqualTo(1);
        } finally {
            releaseBusy.countDown();
            poll.stop();
        }
    }

    @Test
    void aNodeThatStopsWhileAskingASystemEndsThatPollBeforeItGoesSoAnotherNodeMayPollAtOnce() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        DepartmentUpdatePoll poll = pollOf(connector(() -> {
            asking.countDown();
            try {
                new CountDownLatch(1).await(20, TimeUnit.SECONDS); // a slow system
            } catch (InterruptedException e) {
                sleepThrough(Duration.ofMillis(300)); // a connection closing
                ended.set(true);
                throw new ConnectorException("interrupted while asking for updates", e);
            }
            return PulledUpdates.all(List.of());
        }), updateImport(), jdbcLocks());
        poll.pollInRound("mailbox");
        assertThat(asking.await(10, TimeUnit.SECONDS)).isTrue();

        poll.stop();

        assertThat(ended).as("the poll has ended").isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM INT_LOCK").query(Integer.class).single()).isZero();
        assertThat(pollOf(PulledUpdates.all(List.of())).poll("mailbox")).as("another node polls").isTrue();
    }

    @Test
    void anUpdateBeingAppliedWhenTheNodeStopsIsAppliedWholeAndTheNextOneIsLeftForTheNextPoll() throws Exception {
        dispatchedTask("ITEM-3");
        WorkUpdate first = new WorkUpdate(new ExternalRef("mailbox", "ITEM-3"), "reply-1", WorkStatus.IN_PROGRESS,
                "On our list", NOW.minusSeconds(60));
        WorkUpdate second = new WorkUpdate(new ExternalRef("mailbox", "ITEM-3"), "reply-2", WorkStatus.COMPLETED,
                "Done", NOW.minusSeconds(30));
        CountDownLatch applying = new CountDownLatch(1);
        List<String> applied = new CopyOnWriteArrayList<>();
        WorkUpdateImport slow = importApplying(update -> {
            applying.countDown();
            sleepThrough(Duration.ofMillis(500)); // one transaction, not to be cut short
            applied.add(update.updateId());
        });
        DepartmentUpdatePoll poll = pollOf(connector(() -> PulledUpdates.all(List.of(first, second))), slow,
                jdbcLocks());
        poll.pollInRound("mailbox");
        assertThat(applying.await(10, TimeUnit.SECONDS)).isTrue();

        poll.stop();

        assertThat(applied).containsExactly("reply-1");
        assertThat(db.sql("SELECT COUNT(*) FROM INT_LOCK").query(Integer.class).single()).isZero();
        assertThat(watermarks.since("mailbox", Instant.EPOCH)).as("asked again from the same point")
                .isEqualTo(Instant.EPOCH);
    }

    private static DepartmentConnector named(String system, Supplier<PulledUpdates> answer) {
        return new DepartmentConnector() {
            @Override
            public String system() {
                return system;
            }

            @Override
            public ExternalRef push(WorkOrder order) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PulledUpdates pullUpdates(Instant since) {
                return answer.get();
            }
        };
    }

    private DepartmentUpdatePoll pollOf(PulledUpdates answer) {
        return pollOf(connector(() -> answer), updateImport(), jdbcLocks());
    }

    private DepartmentConnector connector(Supplier<PulledUpdates> answer) {
        return new DepartmentConnector() {
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
                return answer.get();
            }
        };
    }

    private WorkUpdateImport updateImport() {
        return updateImport(event -> { });
    }

    private WorkUpdateImport updateImport(ApplicationEventPublisher events) {
        return new WorkUpdateImport(new DepartmentTasks(db), new WorkUpdates(db), new UnreadableUpdates(db), null,
                new Departments(Map.of()), events, clock);
    }

    /** An import whose updates are applied by {@code apply}: what a test watches or stages in the real one's place. */
    private WorkUpdateImport importApplying(Consumer<WorkUpdate> apply) {
        return importApplying(apply, event -> { });
    }

    private WorkUpdateImport importApplying(Consumer<WorkUpdate> apply, ApplicationEventPublisher events) {
        return new WorkUpdateImport(new DepartmentTasks(db), new WorkUpdates(db), new UnreadableUpdates(db), null,
                new Departments(Map.of()), events, clock) {
            @Override
            public void apply(WorkUpdate update) {
                apply.accept(update);
            }
        };
    }

    private DepartmentUpdatePoll pollOf(DepartmentConnector connector, WorkUpdateImport updateImport,
                                        JdbcLockRegistry locks) {
        return new DepartmentUpdatePoll(new DepartmentSystems(List.of(connector), new MockEnvironment()), watermarks, updateImport,
                new FailedUpdates(db), clock, locks, new SimpleAsyncTaskScheduler(),
                new DispatchMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), 4,
                Duration.ofMinutes(5));
    }

    private JdbcLockRegistry jdbcLocks() {
        return jdbcLocks(Duration.ofMinutes(5));
    }

    /** A node's locks: each registry has its own client id, as each node of a cluster has. */
    private JdbcLockRegistry jdbcLocks(Duration timeToLive) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setTimeToLive(Math.toIntExact(timeToLive.toMillis()));
        repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }

    private long dispatchedTask(String externalId) {
        db.sql("""
                INSERT INTO service_request (id, service_code, service_name, status, channel, requested_at, updated_at)
                VALUES (1, 'pothole', 'Pothole', 'open', 'web', :now, :now)""")
                .param("now", toColumn(NOW)).update();
        db.sql("""
                INSERT INTO department_task (id, request_id, task_key, department, system_name, priority, status,
                    external_id, created_at)
                VALUES (7, 1, 'k3v8q2m5x7a9c4d6e2f8', 'streets', 'mailbox', 'P2', 'DISPATCHED', :external, :now)""")
                .param("external", externalId).param("now", toColumn(NOW)).update();
        return 7;
    }

    /** Sleeps the whole time, as a blocking call that ignores interrupts would. */
    private static void sleepThrough(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        boolean interrupted = Thread.interrupted();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
