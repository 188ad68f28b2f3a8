package org.civic311.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Civic311 against the bare engine doing the same shape of work, side by side in one run on the MySQL-compatible
 * database: prints one table with the ratios and writes the same figures to a JSON file (README.md, "How fast").
 */
public final class Benchmark {

    private static final List<String> failedChecks = new ArrayList<>();
    /** The cluster phase's load: enough to be mid-stream when a node dies, short beside the measured phases. */
    private static final int CLUSTER_REQUESTS = 3000;
    /**
     * A node that dies holding jobs, polling a department system or sending notices, holds them this long (5 minutes
     * by default, docs/operations.md and docs/notifications.md); the phase shortens all three, as the cluster test
     * does.
     */
    private static final List<String> CLUSTER_LOCKS = List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000",
            "--civic311.dispatch.poll-lock-time-to-live=10s", "--civic311.notifications.send-lease=10s",
            "--camunda.bpm.job-execution.max-wait=1000");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("No demo jar at " + options.jar() + ": build it first (mvn -Pbenchmark -DskipTests package)");
            System.exit(2);
        }
        Path work = options.json().toAbsolutePath().getParent();
        Files.createDirectories(work);
        long began = System.nanoTime();

        System.out.println("Baseline: the bare engine on a fresh database …");
        List<PhaseResult> baseline = new ArrayList<>();
        Footprint baselineFootprint;
        FreshDatabase baselineDatabase = FreshDatabase.create(options.db(), "civic311_bench_baseline");
        try (HeapWatch heap = new HeapWatch();
             BareEngineBaseline engine = new BareEngineBaseline(baselineDatabase, options.finishAfter())) {
            engine.run("warm-up", 4, Math.min(100, options.requests()));
            Map<String, Long> afterWarmUp = baselineDatabase.sizes();
            FreshDatabase.Statements statementsBefore = baselineDatabase.statements();
            int measured = 0;
            for (int clients : options.clients()) {
                PhaseResult result = engine.run("c" + clients, clients, options.requests());
                System.out.println("  " + result);
                baseline.add(result);
                measured += options.requests();
            }
            FreshDatabase.Statements statements = baselineDatabase.statements().minus(statementsBefore);
            check(engine.openInstances() == 0, "baseline: every instance ended");
            baselineFootprint = new Footprint(heap.peak(), selfPeakRss(),
                    growth(afterWarmUp, baselineDatabase.sizes()), measured, statements);
        } finally {
            dropUnlessKept(options, baselineDatabase);
        }

        System.out.println("Civic311: the demo jar on a fresh database, the departments finishing after "
                + options.finishAfter().toMillis() + " ms …");
        List<PhaseResult> ours = new ArrayList<>();
        Footprint ourFootprint;
        List<Long> heapAfterCollections;
        long[] heapFloors;
        FreshDatabase database = FreshDatabase.create(options.db(), "civic311_bench");
        int port = DemoJar.freePort();
        try (DepartmentSites sites = new DepartmentSites(options, work, "departments", port);
             Civic311UnderLoad civic311 = new Civic311UnderLoad(options, database, work, "civic311", port, List.of(),
                     sites)) {
            civic311.run(4, Math.min(60, options.requests()));
            civic311.warmedUp();
            Map<String, Long> afterWarmUp = database.sizes();
            FreshDatabase.Statements statementsBefore = database.statements();
            int measured = 0;
            for (int clients : options.clients()) {
                PhaseResult result = civic311.run(clients, options.requests());
                System.out.println("  " + result);
                ours.add(result);
                measured += options.requests();
            }
            FreshDatabase.Statements statements = database.statements().minus(statementsBefore);
            civic311.checkEachOnce();
            ourFootprint = new Footprint(civic311.peakHeap(), civic311.peakRss(), growth(afterWarmUp, database.sizes()),
                    measured, statements);
            heapAfterCollections = civic311.heapAfterCollections();
            heapFloors = civic311.heapFloors();
            System.out.println("  its log: " + civic311.log + (options.jfr() ? ", its flight recording: "
                    + work.resolve("civic311.jfr") : ""));
        } finally {
            dropUnlessKept(options, database);
        }

        String cluster = "Cluster phase: not run (--quick without --cluster).";
        Map<String, Object> clusterFigures = new LinkedHashMap<>();
        if (options.cluster()) {
            cluster = cluster(options, work, clusterFigures);
        }

        String table = table(options, ours, baseline, ourFootprint, baselineFootprint) + String.format(Locale.ROOT,
                "%nCivic311's heap after collections (-Xmx512m), least in the first and in the last quarter of the "
                        + "measured phases: %d MB, %d MB", heapFloors[0], heapFloors[1]) + String.format(Locale.ROOT,
                "%n%s", cluster);
        System.out.println();
        System.out.println(table);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", options.quick() ? "quick" : "full");
        figures.put("requestsPerLevel", options.requests());
        figures.put("departmentsFinishAfterMillis", options.finishAfter().toMillis());
        figures.put("civic311", ours);
        figures.put("baseline", baseline);
        figures.put("ratios", ratios(ours, baseline));
        figures.put("civic311Footprint", ourFootprint.json());
        figures.put("baselineFootprint", baselineFootprint.json());
        figures.put("civic311HeapAfterYoungCollectionsMb", heapAfterCollections);
        figures.put("civic311HeapFloorsFirstAndLastQuarterMb", heapFloors);
        figures.put("cluster", clusterFigures);
        figures.put("failedChecks", failedChecks);
        figures.put("seconds", (System.nanoTime() - began) / 1e9);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(), figures);
        System.out.println("Figures: " + options.json());
        if (!failedChecks.isEmpty()) {
            System.out.println("FAILED CHECKS:");
            failedChecks.forEach(failed -> System.out.println("  " + failed));
            System.exit(1);
        }
        System.out.println("Every check passed: on one node each request dispatched once and each resident notified once;"
                + " in the cluster nothing lost, and what went out twice is counted above.");
        System.exit(0);
    }

    /**
     * Two nodes on one database under load, the second killed half-way (README.md, "How fast").
     *
     * @return the lines it adds under the table; its figures go into {@code figures}
     */
    private static String cluster(Options options, Path work, Map<String, Object> clusterFigures) throws Exception {
        int clusterClients = Collections.max(options.clients());
        int clusterRequests = Math.min(options.requests(), CLUSTER_REQUESTS);
        System.out.println("Cluster: two nodes of the demo jar on a fresh database, " + clusterClients + " clients, "
                + clusterRequests + " requests, the second node killed with SIGKILL half-way …");
        String cluster;
        FreshDatabase clusterDatabase = FreshDatabase.create(options.db(), "civic311_bench_cluster");
        int firstPort = DemoJar.freePort();
        try (DepartmentSites sites = new DepartmentSites(options, work, "cluster-departments", firstPort);
             Civic311UnderLoad first = new Civic311UnderLoad(options, clusterDatabase, work, "civic311-node1",
                     firstPort, CLUSTER_LOCKS, sites);
             Civic311UnderLoad second = new Civic311UnderLoad(options, clusterDatabase, work, "civic311-node2",
                     DemoJar.freePort(), CLUSTER_LOCKS, sites)) {
            Civic311UnderLoad.Takeover takeover = first.runKilling(second, clusterClients, clusterRequests);
            long[] sentTwice = first.checkNothingLost();
            cluster = String.format(Locale.ROOT, "Cluster, job, poll and notice locks 10 s: %d jobs were locked (by either "
                            + "node) when the second node was killed; all had run %.1f s after the kill. %d notices "
                            + "were being sent (those of the killed node wait out the notice lock). Every request "
                            + "was closed and its resident told %.1f s after the kill. Sent twice (by the killed node, "
                            + "not yet recorded): %d work emails, %d closure notices.", takeover.jobsHeld(),
                    takeover.jobsRunSeconds(), takeover.noticesClaimed(), takeover.allClosedSeconds(), sentTwice[0],
                    sentTwice[1]);
            clusterFigures.put("takeover", takeover);
            clusterFigures.put("sentTwice", Map.of("workEmails", sentTwice[0], "closureNotices", sentTwice[1]));
        } catch (Exception e) {
            // The measured phases stand on their own: a failed cluster phase is a failed check, not a lost run.
            check(false, "cluster: " + e.getMessage());
            cluster = "Cluster phase failed: " + e.getMessage();
        } finally {
            dropUnlessKept(options, clusterDatabase);
        }
        return cluster;
    }

    /**
     * What each table grew by over the measured phases, largest first: an empty table already takes a few pages per
     * index, which would otherwise be counted against the requests of a short run. A table that shrank (runtime
     * rows of the warm-up's requests, gone once they closed) counts against the growth.
     */
    static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new LinkedHashMap<>();
        after.forEach((table, bytes) -> grown.put(table, bytes - before.getOrDefault(table, 0L)));
        grown.entrySet().removeIf(e -> e.getValue() == 0);
        List<Map.Entry<String, Long>> largestFirst = new ArrayList<>(grown.entrySet());
        largestFirst.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> sorted = new LinkedHashMap<>();
        largestFirst.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static void dropUnlessKept(Options options, FreshDatabase database) {
        if (options.keepDatabases()) {
            System.out.println("  kept database " + database.name);
        } else {
            database.drop();
        }
    }

    /** A correctness check: the numbers of a run that fails one are not worth reading. */
    static void check(boolean passed, String what) {
        System.out.println("  " + (passed ? "ok    " : "FAILED") + " " + what);
        if (!passed) {
            failedChecks.add(what);
        }
    }

    static List<Map<String, Object>> ratios(List<PhaseResult> ours, List<PhaseResult> baseline) {
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            PhaseResult o = ours.get(i);
            PhaseResult b = baseline.get(i);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("clients", o.clients());
            r.put("intakeRate", o.intakePerSecond() / b.intakePerSecond());
            r.put("intakeP99", o.intakeMillis().p99() / b.intakeMillis().p99());
            r.put("endToEndRate", o.endToEndPerSecond() / b.endToEndPerSecond());
            ratios.add(r);
        }
        return ratios;
    }

    static String table(Options options, List<PhaseResult> ours, List<PhaseResult> baseline, Footprint o, Footprint b) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Civic311 ÷ bare engine, %d requests per level, departments finish after %d ms%n",
                options.requests(), options.finishAfter().toMillis()));
        t.append(String.format(Locale.ROOT, "%-34s", ""));
        for (PhaseResult r : ours) {
            t.append(String.format(Locale.ROOT, "| %-30s", r.clients() + " clients"));
        }
        t.append(String.format(Locale.ROOT, "%n%-34s", ""));
        for (int i = 0; i < ours.size(); i++) {
            t.append(String.format(Locale.ROOT, "| %9s %9s %8s ", "Civic311", "baseline", "ratio"));
        }
        t.append('\n');
        row(t, "intake requests/s", ours, baseline, PhaseResult::intakePerSecond);
        row(t, "intake latency p50 ms", ours, baseline, r -> r.intakeMillis().p50());
        row(t, "intake latency p95 ms", ours, baseline, r -> r.intakeMillis().p95());
        row(t, "intake latency p99 ms", ours, baseline, r -> r.intakeMillis().p99());
        row(t, "dispatch lag p50 ms", ours, baseline, r -> r.dispatchLagMillis().p50());
        row(t, "dispatch lag p99 ms", ours, baseline, r -> r.dispatchLagMillis().p99());
        row(t, "completion→notice lag p50 ms", ours, baseline, r -> r.noticeLagMillis().p50());
        row(t, "completion→notice lag p99 ms", ours, baseline, r -> r.noticeLagMillis().p99());
        row(t, "end-to-end requests/s", ours, baseline, PhaseResult::endToEndPerSecond);
        t.append(String.format(Locale.ROOT, "%-34s| %9s %9s %8s%n", "", "Civic311", "baseline", "ratio"));
        footprint(t, "peak heap MB", o.peakHeap() / 1048576.0, b.peakHeap() / 1048576.0);
        footprint(t, "peak RSS MB", o.peakRss() / 1048576.0, b.peakRss() / 1048576.0);
        footprint(t, "database MB per 10,000 requests", o.bytesPerRequest() * 10_000 / 1048576.0,
                b.bytesPerRequest() * 10_000 / 1048576.0);
        footprint(t, "database KB per request", o.bytesPerRequest() / 1024.0, b.bytesPerRequest() / 1024.0);
        footprint(t, "SQL reads per request", o.perRequest(o.statements().selects()),
                b.perRequest(b.statements().selects()));
        footprint(t, "SQL writes per request", o.perRequest(o.statements().writes()),
                b.perRequest(b.statements().writes()));
        footprint(t, "commits per request", o.perRequest(o.statements().commits()),
                b.perRequest(b.statements().commits()));
        t.append("Civic311's tables that grew most (KB per request): ");
        o.tables().entrySet().stream().limit(6).forEach(e -> t.append(String.format(Locale.ROOT, "%s %.1f; ",
                e.getKey(), e.getValue() / 1024.0 / o.requests())));
        t.append("\nBaseline: peak heap and RSS are the benchmark's own JVM (engine and clients together).");
        return t.toString();
    }

    private static void row(StringBuilder t, String name, List<PhaseResult> ours, List<PhaseResult> baseline,
                            java.util.function.ToDoubleFunction<PhaseResult> figure) {
        t.append(String.format(Locale.ROOT, "%-34s", name));
        for (int i = 0; i < ours.size(); i++) {
            double o = figure.applyAsDouble(ours.get(i));
            double b = figure.applyAsDouble(baseline.get(i));
            t.append(String.format(Locale.ROOT, "| %9.1f %9.1f %7.2f× ", o, b, o / b));
        }
        t.append('\n');
    }

    private static void footprint(StringBuilder t, String name, double o, double b) {
        t.append(String.format(Locale.ROOT, "%-34s| %9.1f %9.1f %7.2f×%n", name, o, b, o / b));
    }

    /**
     * Memory over the whole run, and how much each table grew over the measured phases.
     *
     * @param requests the requests of the measured phases
     */
    record Footprint(long peakHeap, long peakRss, Map<String, Long> tables, int requests,
                     FreshDatabase.Statements statements) {

        double perRequest(long count) {
            return count / (double) requests;
        }

        double bytesPerRequest() {
            return tables.values().stream().mapToLong(Long::longValue).sum() / (double) requests;
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("peakHeapBytes", peakHeap);
            json.put("peakRssBytes", peakRss);
            json.put("requests", requests);
            json.put("databaseBytesPer10000Requests", Math.round(bytesPerRequest() * 10_000));
            json.put("tableGrowthBytes", tables);
            json.put("statements", statements);
            return json;
        }
    }

    /** The highest heap use of this JVM, sampled. */
    static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        HeapWatch() {
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getUsage)
                    .mapToLong(u -> u.getUsed()).sum(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    static long selfPeakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
