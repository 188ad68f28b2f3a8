package org.civic311.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Civic311 itself: the packaged demo jar started as its own process on the run's database, with the simulated
 * departments finishing each piece of work after a set time, and N requests POSTed to it over HTTP by concurrent
 * clients. Pothole goes to Streets by email, damaged tree to Cityworks, high weeds to Accela, in turn.
 */
final class Civic311UnderLoad implements AutoCloseable {

    /** Minutes without a closure notice sent after which the run is given up. */
    private static final int STALL_MINUTES = 10;

    static final String RESIDENT = "resident@bench.example.org";
    static final List<String> SERVICE_CODES = List.of("pothole", "damaged_tree", "high_weeds");
    static final Pattern TRACKING_NUMBER = Pattern.compile("SR-\\d{4}-\\d{6}");
    /**
     * Each report at its own place, 44 m from the next north and 50 m east, west of the demo's parks: every one is a
     * request of its own, none a likely duplicate of another (the closest rule is 30 m), each routed by its type.
     */
    private static final int GRID_COLUMNS = 110;
    private static final int GRID_ROWS = 470;

    final FreshDatabase database;
    final int http;
    private final DepartmentSites sites;
    final Process app;
    final Path log;
    final Path gcLog;
    private final Duration finishAfter;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Integer> submittedByCode = new LinkedHashMap<>();
    private int submitted;
    private int collectionsInWarmUp;

    /**
     * @param name     its log's, GC log's and flight recording's name
     * @param http     its port (the departments' sites send Cityworks' webhook there)
     * @param settings more settings, as {@code --name=value}
     * @param sites    the departments it sends the work to
     */
    Civic311UnderLoad(Options options, FreshDatabase database, Path workDirectory, String name, int http,
                      List<String> settings, DepartmentSites sites) throws Exception {
        this.database = database;
        this.finishAfter = options.finishAfter();
        this.http = http;
        this.sites = sites;
        this.log = workDirectory.resolve(name + ".log");
        this.gcLog = workDirectory.resolve(name + "-gc.log");
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog));
        if (options.jfr()) {
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=filename=" + workDirectory.resolve(name + ".jfr") + ",settings=profile");
        }
        List<String> all = new ArrayList<>(List.of(
                "--server.port=" + http,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--civic311.dispatch.poll-interval=1s",
                "--civic311.notifications.send-interval=1s",
                // "Was it fixed?" days later, as in production, not two minutes later as in the demo
                "--civic311.notifications.follow-up-delay=3d",
                "--civic311.open311.rate-limits.per-key.capacity=100000000",
                "--civic311.open311.rate-limits.per-address.capacity=100000000",
                "--logging.level.root=warn"));
        all.addAll(sites.settingsOfANodeUsingThem());
        all.addAll(settings);
        this.app = DemoJar.start(options.jar(), jvm, all, log);
        DemoJar.awaitUp(app, http, log);
    }

    PhaseResult run(int clients, int requests) throws Exception {
        long lastIdBefore = single("SELECT COALESCE(MAX(id), 0) FROM service_request");
        int expectedNotices = submitted + requests;
        List<String> failures = new CopyOnWriteArrayList<>();
        Clients.Submitted sent = Clients.submit(clients, requests, i -> {
            try {
                HttpResponse<String> answer = post(SERVICE_CODES.get(i % SERVICE_CODES.size()), submitted + i);
                if (answer.statusCode() != 200 || !TRACKING_NUMBER.matcher(answer.body()).find()) {
                    failures.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException | InterruptedException e) {
                failures.add(e.toString());
            }
        });
        long begin = sent.beganNanos();
        Benchmark.check(failures.isEmpty(), "civic311: every submission accepted (" + failures.size() + " refused"
                + (failures.isEmpty() ? "" : ", first: " + failures.get(0)) + ")");
        for (int i = 0; i < requests; i++) {
            submittedByCode.merge(SERVICE_CODES.get(i % SERVICE_CODES.size()), 1, Integer::sum);
        }
        submitted += requests;

        // The end: the last resident's closure notice sent.
        awaitClosureNotices(expectedNotices, Math.max(5, requests / 10));
        long done = System.nanoTime();

        List<Double> dispatchLag = new ArrayList<>();
        List<Double> noticeLag = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT r.requested_at, t.dispatched_at, n.sent_at FROM service_request r
                JOIN department_task t ON t.request_id = r.id
                JOIN notification n ON n.request_id = r.id AND n.kind = 'closed'
                WHERE r.id > ?""")) {
            query.setLong(1, lastIdBefore);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long requested = millis(rs.getTimestamp(1));
                    long dispatched = millis(rs.getTimestamp(2));
                    dispatchLag.add((double) (dispatched - requested));
                    noticeLag.add((double) (millis(rs.getTimestamp(3)) - dispatched - finishAfter.toMillis()));
                }
            }
        }
        return new PhaseResult("civic311", clients, requests, requests / ((sent.endedNanos() - begin) / 1e9),
                Percentiles.of(sent.latencyMillis()), Percentiles.of(dispatchLag), Percentiles.of(noticeLag),
                requests / ((done - begin) / 1e9));
    }

    /**
     * Two nodes under load, one killed: {@code requests} submitted by {@code clients} clients to this node and to
     * {@code other} in turn, and {@code other} killed with SIGKILL once half were handed out. A client whose
     * submission the dying node dropped sends it again to this node with the same Idempotency-Key, as a load balancer
     * would. Then the wait until every request was closed and its resident told.
     */
    Takeover runKilling(Civic311UnderLoad other, int clients, int requests) throws Exception {
        int expectedNotices = submitted + requests;
        int first = submitted;
        List<String> failures = new CopyOnWriteArrayList<>();
        CompletableFuture<Double> jobsRun = new CompletableFuture<>();
        AtomicLong killedAt = new AtomicLong();
        AtomicInteger jobsHeld = new AtomicInteger();
        AtomicInteger noticesClaimed = new AtomicInteger();
        Clients.submit(clients, requests, i -> {
            if (i == requests / 2) {
                try {
                    kill(other, killedAt, jobsHeld, noticesClaimed, jobsRun);
                } catch (SQLException | InterruptedException e) {
                    failures.add("the kill: " + e);
                    jobsRun.completeExceptionally(e);
                }
            }
            String code = SERVICE_CODES.get((first + i) % SERVICE_CODES.size());
            String key = "bench-" + (first + i);
            try {
                HttpResponse<String> answer;
                try {
                    answer = (i % 2 == 1 && other.app.isAlive() ? other : this).post(code, first + i, key);
                } catch (IOException dropped) {
                    answer = post(code, first + i, key);
                }
                if (answer.statusCode() != 200 || !TRACKING_NUMBER.matcher(answer.body()).find()) {
                    failures.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException | InterruptedException e) {
                failures.add(e.toString());
            }
        });
        Benchmark.check(failures.isEmpty(), "cluster: every submission accepted by one node or the other ("
                + failures.size() + " refused" + (failures.isEmpty() ? "" : ", first: " + failures.get(0)) + ")");
        for (int i = 0; i < requests; i++) {
            submittedByCode.merge(SERVICE_CODES.get((first + i) % SERVICE_CODES.size()), 1, Integer::sum);
        }
        submitted += requests;
        awaitClosureNotices(expectedNotices, 10 + requests / 100);
        double allClosed = (System.nanoTime() - killedAt.get()) / 1e9;
        return new Takeover(requests, jobsHeld.get(), jobsRun.get(5, TimeUnit.MINUTES), noticesClaimed.get(),
                allClosed);
    }

    /**
     * Kills {@code other} and notes the jobs locked at that moment (by either node); in the background, waits until
     * each of them has run: the killed node's wait for their locks to expire and for this node to take them.
     */
    private void kill(Civic311UnderLoad other, AtomicLong killedAt, AtomicInteger jobsHeld, AtomicInteger noticesClaimed,
                      CompletableFuture<Double> jobsRun) throws SQLException, InterruptedException {
        other.app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, its locks stay in the database
        other.app.waitFor();
        killedAt.set(System.nanoTime());
        List<String> locked = new ArrayList<>();
        try (Connection connection = database.connect();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL")) {
            while (rs.next()) {
                locked.add("'" + rs.getString(1) + "'");
            }
        }
        jobsHeld.set(locked.size());
        noticesClaimed.set((int) single("SELECT COUNT(*) FROM notification WHERE status = 'SENDING'"));
        Thread watch = new Thread(() -> {
            try {
                while (!locked.isEmpty() && single("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN ("
                        + String.join(",", locked) + ")") > 0) {
                    Thread.sleep(200);
                }
                jobsRun.complete((System.nanoTime() - killedAt.get()) / 1e9);
            } catch (SQLException | InterruptedException e) {
                jobsRun.completeExceptionally(e);
            }
        });
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * @param jobsHeld          the jobs locked (by either node) when the second node was killed
     * @param jobsRunSeconds    from the kill until every one of them had run
     * @param noticesClaimed    the notices being sent (by either node) at the kill: the killed node's wait out their
     *                          lease
     * @param allClosedSeconds  from the kill until every request of the phase was closed and its resident told
     */
    record Takeover(int requests, int jobsHeld, double jobsRunSeconds, int noticesClaimed, double allClosedSeconds) {
    }

    private void awaitClosureNotices(long expected, long minutes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        long notices;
        long before = -1;
        long lastProgress = System.nanoTime();
        while ((notices = single("SELECT COUNT(*) FROM notification WHERE kind = 'closed' AND status = 'SENT'"))
                < expected) {
            if (notices > before) {
                before = notices;
                lastProgress = System.nanoTime();
            }
            // A stalled loop (a reply archived unread, a department down) ends the run instead of waiting for hours.
            boolean stalled = System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(STALL_MINUTES);
            if (System.nanoTime() > deadline || stalled || !app.isAlive()) {
                throw new IllegalStateException("Civic311 sent " + notices + " of " + expected + " closure notices"
                        + (!app.isAlive() ? " and stopped"
                        : stalled ? ", none in the last " + STALL_MINUTES + " minutes" : " in " + minutes + " minutes")
                        + "; its log: " + log);
            }
            Thread.sleep(100);
        }
    }

    /** Every request dispatched once and its resident notified once, counted where they arrived. */
    void checkEachOnce() throws Exception {
        checkStoredAndClosed();
        Map<String, Long> workEmails = trackingNumbersIn("streets@demo.civic311.local");
        Benchmark.check(workEmails.size() == submittedByCode.get("pothole")
                        && workEmails.values().stream().allMatch(n -> n == 1),
                "Streets' mailbox: one work email per pothole (" + workEmails.size() + " requests, "
                        + workEmails.values().stream().mapToLong(Long::longValue).sum() + " emails, "
                        + submittedByCode.get("pothole") + " potholes)");
        Map<String, Long> closures = sites.residents.closures();
        Benchmark.check(closures.size() == submitted && closures.values().stream().allMatch(n -> n == 1),
                "residents' mailbox: one closure notice per request (" + closures.size() + " requests, "
                        + closures.values().stream().mapToLong(Long::longValue).sum() + " notices)");
    }

    /**
     * After a node was killed: nothing lost, nothing done twice that can be found by its reference. An email that the
     * killed node had sent but not yet recorded goes out again (docs/operations.md): those are counted, not failed.
     *
     * @return the emails that went out twice: work emails, closure notices
     */
    long[] checkNothingLost() throws Exception {
        checkStoredAndClosed();
        Map<String, Long> workEmails = trackingNumbersIn("streets@demo.civic311.local");
        Benchmark.check(workEmails.size() == submittedByCode.get("pothole"), "Streets' mailbox: a work email for every "
                + "pothole (" + workEmails.size() + " of " + submittedByCode.get("pothole") + ")");
        Map<String, Long> closures = sites.residents.closures();
        Benchmark.check(closures.size() == submitted, "residents' mailbox: a closure notice for every request ("
                + closures.size() + " of " + submitted + ")");
        return new long[] {twice(workEmails), twice(closures)};
    }

    private static long twice(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** What the database and the department systems that find work by its reference hold: exactly once each. */
    private void checkStoredAndClosed() throws Exception {
        Benchmark.check(single("SELECT COUNT(*) FROM service_request") == submitted,
                "civic311: every submission stored (" + submitted + ")");
        Benchmark.check(single("SELECT COUNT(*) FROM service_request WHERE status <> 'CLOSED'") == 0,
                "civic311: every request closed");
        Benchmark.check(single("SELECT COUNT(*) FROM department_task") == submitted,
                "civic311: one department task per request");
        Benchmark.check(single("SELECT COUNT(*) FROM notification WHERE kind = 'closed'") == submitted,
                "civic311: one closure notice per request stored");
        long cityworks = sites.cityworksServiceRequests();
        Benchmark.check(cityworks == submittedByCode.get("damaged_tree"), "Cityworks: one service request per damaged"
                + " tree (" + cityworks + " for " + submittedByCode.get("damaged_tree") + ")");
        long accela = sites.accelaRecords();
        Benchmark.check(accela == submittedByCode.get("high_weeds"), "Accela: one record per high weeds report ("
                + accela + " for " + submittedByCode.get("high_weeds") + ")");
    }

    private Map<String, Long> trackingNumbersIn(String mailbox) throws Exception {
        return Mailbox.subjects(mailbox, sites.imap).stream()
                .map(TRACKING_NUMBER::matcher).filter(Matcher::find).map(Matcher::group)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    /** Peak resident set size of the process, from the kernel (VmHWM), in bytes. */
    long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** The most heap in use before any collection, from the GC log, in bytes. */
    long peakHeap() throws IOException {
        Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak * 1024 * 1024;
    }

    /** The heap in use after each of the last collections, to tell growth after warm-up from a steady heap. */
    List<Long> heapAfterCollections() throws IOException {
        Pattern pause = Pattern.compile("Pause Young.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        List<Long> after = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                after.add(Long.parseLong(m.group(2)));
            }
        }
        return after;
    }

    /** Marks the end of the warm-up: {@link #heapFloors()} looks at the collections after it. */
    void warmedUp() throws IOException {
        collectionsInWarmUp = heapAfterCollections().size();
    }

    /**
     * The least heap in use after a collection in the first and in the last quarter of the collections since the
     * warm-up, in MB: a steady heap has the same floor at the end as at the start; a leak raises it.
     */
    long[] heapFloors() throws IOException {
        List<Long> after = heapAfterCollections();
        List<Long> measured = after.subList(Math.min(collectionsInWarmUp, after.size()), after.size());
        if (measured.size() < 4) {
            return new long[] {-1, -1};
        }
        int quarter = measured.size() / 4;
        return new long[] {measured.subList(0, quarter).stream().mapToLong(Long::longValue).min().orElse(-1),
                measured.subList(measured.size() - quarter, measured.size()).stream().mapToLong(Long::longValue)
                        .min().orElse(-1)};
    }

    int submitted() {
        return submitted;
    }

    private HttpResponse<String> post(String code, int i) throws IOException, InterruptedException {
        return post(code, i, null);
    }

    /** @param key the submission's Idempotency-Key, or null for none */
    private HttpResponse<String> post(String code, int i, String key) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "demo-web");
        form.put("service_code", code);
        form.put("lat", String.format(Locale.ROOT, "%.5f", 41.80 + (i / GRID_COLUMNS % GRID_ROWS) * 0.0004));
        form.put("long", String.format(Locale.ROOT, "%.5f", -87.70 + (i % GRID_COLUMNS) * 0.0006));
        form.put("address_string", (100 + i % 900) + " N LaSalle St");
        form.put("description", "Benchmark report " + i);
        if (code.equals("pothole")) {
            form.put("attribute[hazard]", i % 10 == 0 ? "yes" : "no");
        }
        form.put("email", RESIDENT);
        form.put("first_name", "Sam");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http + path);
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long millis(Timestamp at) {
        return at.getTime();
    }

    @Override
    public void close() throws InterruptedException {
        DemoJar.stop(app);
    }
}
