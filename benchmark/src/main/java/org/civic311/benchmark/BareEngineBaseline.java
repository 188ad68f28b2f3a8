package org.civic311.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare engine doing the shape of work a request type does: start with a synchronous route step, an asynchronous
 * dispatch job, a message wait, an asynchronous notification job, end. No-op delegates, UUID ids as the Spring Boot
 * starter uses, history full, the same job threads as Civic311 (3 to 8) and a pool of the same size. The
 * "department" correlates the message the same time after the dispatch as the simulators finish their work.
 */
final class BareEngineBaseline implements AutoCloseable {

    static final String KEY = "baseline";

    private final FreshDatabase database;
    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final Duration finishAfter;
    private final ScheduledExecutorService department = Executors.newScheduledThreadPool(2);

    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> notifiedAt = new ConcurrentHashMap<>();
    private final AtomicInteger dispatches = new AtomicInteger();
    private final AtomicInteger notices = new AtomicInteger();
    private volatile CountDownLatch allNotified = new CountDownLatch(0);

    BareEngineBaseline(FreshDatabase database, Duration finishAfter) {
        this.database = database;
        this.finishAfter = finishAfter;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.url());
        pool.setUsername("root");
        pool.setPassword("");
        pool.setMaximumPoolSize(24);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dataSource = new HikariDataSource(pool);

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(true);
        configuration.setMetricsEnabled(false);
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        jobs.setCorePoolSize(3);
        jobs.setMaxPoolSize(8);
        configuration.setJobExecutor(jobs);
        configuration.setBeans(Map.of(
                "route", (JavaDelegate) execution -> { },
                "dispatch", (JavaDelegate) execution -> dispatched(execution.getProcessBusinessKey()),
                "notify", (JavaDelegate) execution -> notified(execution.getProcessBusinessKey())));
        this.engine = configuration.buildProcessEngine();
        this.runtime = engine.getRuntimeService();
        engine.getRepositoryService().createDeployment().addModelInstance("baseline.bpmn", model()).deploy();
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(180)
                .startEvent()
                .serviceTask("route").camundaDelegateExpression("${route}")
                .serviceTask("dispatch").camundaAsyncBefore().camundaDelegateExpression("${dispatch}")
                .receiveTask("await").message("done")
                .serviceTask("notify").camundaAsyncBefore().camundaDelegateExpression("${notify}")
                .endEvent()
                .done();
    }

    private void dispatched(String key) {
        // A job retried after a failure would dispatch again: the counts below show whether that happened.
        dispatchedAt.putIfAbsent(key, System.nanoTime());
        dispatches.incrementAndGet();
        department.schedule(() -> finish(key), finishAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(String key) {
        try {
            finishedAt.put(key, System.nanoTime());
            runtime.createMessageCorrelation("done").processInstanceBusinessKey(key).correlate();
        } catch (MismatchingMessageCorrelationException notYetCommitted) {
            department.schedule(() -> finish(key), 50, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // An optimistic locking clash with the dispatch job's commit: try again, as a poller would.
            department.schedule(() -> finish(key), 50, TimeUnit.MILLISECONDS);
        }
    }

    private void notified(String key) {
        if (notifiedAt.putIfAbsent(key, System.nanoTime()) == null) {
            allNotified.countDown();
        }
        notices.incrementAndGet();
    }

    PhaseResult run(String phase, int clients, int requests) throws InterruptedException {
        allNotified = new CountDownLatch(requests);
        int dispatchesBefore = dispatches.get();
        int noticesBefore = notices.get();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            keys.add(phase + "-" + i);
        }
        Clients.Submitted submitted = Clients.submit(clients, requests, i -> {
            String key = keys.get(i);
            startedAt.put(key, System.nanoTime());
            runtime.startProcessInstanceByKey(KEY, key, Map.of("requestId", (long) i));
        });
        long begin = submitted.beganNanos();
        if (!allNotified.await(Math.max(10, requests / 5), TimeUnit.MINUTES)) {
            throw new IllegalStateException("The baseline did not finish: " + allNotified.getCount() + " left");
        }
        long done = keys.stream().mapToLong(notifiedAt::get).max().orElseThrow();
        List<Double> dispatchLag = keys.stream().map(k -> (dispatchedAt.get(k) - startedAt.get(k)) / 1e6).toList();
        List<Double> noticeLag = keys.stream().map(k -> (notifiedAt.get(k) - finishedAt.get(k)) / 1e6).toList();
        Thread.sleep(500); // a late duplicate would show in the counts
        Benchmark.check(dispatches.get() - dispatchesBefore == requests, "baseline: every instance dispatched once ("
                + (dispatches.get() - dispatchesBefore) + " for " + requests + ")");
        Benchmark.check(notices.get() - noticesBefore == requests, "baseline: every instance notified once ("
                + (notices.get() - noticesBefore) + " for " + requests + ")");
        return new PhaseResult("baseline", clients, requests, requests / ((submitted.endedNanos() - begin) / 1e9),
                Percentiles.of(submitted.latencyMillis()), Percentiles.of(dispatchLag), Percentiles.of(noticeLag),
                requests / ((done - begin) / 1e9));
    }

    long openInstances() {
        return runtime.createProcessInstanceQuery().count();
    }

    FreshDatabase database() {
        return database;
    }

    @Override
    public void close() {
        department.shutdownNow();
        engine.close();
        dataSource.close();
    }
}
