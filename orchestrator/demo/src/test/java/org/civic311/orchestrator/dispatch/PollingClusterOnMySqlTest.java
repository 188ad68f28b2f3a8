package org.civic311.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.civic311.orchestrator.demo.DemoInstallation;
import org.civic311.orchestrator.MySqlTestDatabase;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Two nodes of one installation on one MySQL database, both with the poller: one node at a time polls a system,
 * and their first watermark writes do not collide.
 */
class PollingClusterOnMySqlTest {

    static final String SEARCH = "Ams/ServiceRequest/Search";

    static final MySqlTestDatabase DATABASE = MySqlTestDatabase.create("civic311_cluster");
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() {
        int firstPort = DemoInstallation.freePort();
        // The first node hosts the demo's Cityworks simulator; both poll it. Polls run when the test says so.
        List<String> node = new ArrayList<>(DATABASE.settings());
        node.add("spring.integration.endpoint.no-auto-startup=departmentUpdatePoller");
        node.add("civic311.connectors.cityworks.base-url=http://localhost:" + firstPort + "/sim/cityworks");
        node.add("civic311.connectors.accela.auth-url=http://localhost:" + firstPort + "/sim/accela");
        node.add("civic311.connectors.accela.api-url=http://localhost:" + firstPort + "/sim/accela");
        first = DemoInstallation.start(firstPort, node);
        List<String> secondNode = new ArrayList<>(node);
        secondNode.add("civic311.simulators.cityworks.enabled=false");
        secondNode.add("civic311.simulators.accela.enabled=false");
        second = DemoInstallation.start(DemoInstallation.freePort(), secondNode);
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        DATABASE.drop();
    }

    @Test
    void whileOneNodePollsASystemTheOtherSkipsItAndPollsOnceItIsFree() {
        CityworksSimulator site = first.getBean(CityworksSimulator.class);
        DepartmentUpdatePoll secondNode = second.getBean(DepartmentUpdatePoll.class);
        Lock firstNodePolling = first.getBean(LockRegistry.class)
                .obtain(DepartmentUpdatePoll.POLL_LOCK_PREFIX + "cityworks");
        Watermarks watermarks = second.getBean(Watermarks.class);
        int searches = site.callsTo(SEARCH);
        Instant accelaPolledSince = watermarks.since("accela", Instant.EPOCH);

        firstNodePolling.lock();
        try {
            assertThat(secondNode.poll("cityworks")).isFalse();
            assertThat(site.callsTo(SEARCH)).isEqualTo(searches);
            // Other systems are not held up by it: the second node asks Accela, and its watermark moves.
            secondNode.poll("accela");
            assertThat(watermarks.since("accela", Instant.EPOCH)).isAfter(accelaPolledSince);
        } finally {
            firstNodePolling.unlock();
        }

        assertThat(secondNode.poll("cityworks")).isTrue();
        assertThat(site.callsTo(SEARCH)).isGreaterThan(searches);
    }

    @Test
    void aWebhookNudgeWhileAnotherNodePollsStillPollsSoonAfter() {
        CityworksSimulator site = first.getBean(CityworksSimulator.class);
        Lock firstNodePolling = first.getBean(LockRegistry.class)
                .obtain(DepartmentUpdatePoll.POLL_LOCK_PREFIX + "cityworks");
        int searches;
        firstNodePolling.lock();
        try {
            searches = site.callsTo(SEARCH);
            second.getBean(DepartmentUpdatePoll.class).nudge("cityworks");
            assertThat(site.callsTo(SEARCH)).isEqualTo(searches);
        } finally {
            firstNodePolling.unlock();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> site.callsTo(SEARCH) > searches);
    }

    @Test
    void twoNodesWritingASystemsFirstWatermarkAtOnceBothSucceed() throws Exception {
        Watermarks onFirst = first.getBean(Watermarks.class);
        Watermarks onSecond = second.getBean(Watermarks.class);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String system = "new-system-" + round;
                Instant since = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(round);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> a = nodes.submit(() -> advance(together, onFirst, system, since));
                Future<?> b = nodes.submit(() -> advance(together, onSecond, system, since));
                a.get(30, TimeUnit.SECONDS); // rethrows what the write threw
                b.get(30, TimeUnit.SECONDS);
                assertThat(onFirst.since(system, Instant.EPOCH)).isEqualTo(since);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static Void advance(CyclicBarrier together, Watermarks watermarks, String system, Instant since)
            throws Exception {
        together.await(30, TimeUnit.SECONDS);
        watermarks.advance(system, since);
        return null;
    }
}
