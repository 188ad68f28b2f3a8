package org.civic311.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code [--quick] [--requests N] [--clients 4,16] [--finish-after 2s] [--jar path] [--db host:port]
 * [--json path] [--jfr] [--keep-databases] [--cluster]}.
 *
 * @param requests    requests per concurrency level, for Civic311 and for the baseline each
 * @param clients     the concurrency levels, one phase each
 * @param finishAfter how long the simulated departments take over each piece of work
 * @param cluster     whether the cluster phase runs: in the full mode always, in the quick one on request
 */
record Options(int requests, List<Integer> clients, Duration finishAfter, Path jar, String db, Path json, boolean jfr,
               boolean keepDatabases, boolean quick, boolean cluster) {

    static Options parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int requests = quick ? 90 : 25_000;
        List<Integer> clients = List.of(4, 16);
        Duration finishAfter = Duration.ofSeconds(quick ? 1 : 2);
        Path jar = Path.of("orchestrator/demo/target/civic311-demo.jar");
        String db = System.getenv().getOrDefault("CIVIC311_TEST_MYSQL", "127.0.0.1:3306");
        Path json = Path.of("benchmark/target/benchmark-" + System.currentTimeMillis() / 1000 + ".json");
        boolean jfr = false;
        boolean keepDatabases = false;
        boolean cluster = !quick;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--jfr" -> jfr = true;
                case "--keep-databases" -> keepDatabases = true;
                case "--cluster" -> cluster = true;
                case "--requests" -> requests = Integer.parseInt(value(args, ++i));
                case "--clients" -> clients = Arrays.stream(value(args, ++i).split(",")).map(Integer::parseInt).toList();
                case "--finish-after" -> finishAfter = Duration.parse("PT" + value(args, ++i).toUpperCase());
                case "--jar" -> jar = Path.of(value(args, ++i));
                case "--db" -> db = value(args, ++i);
                case "--json" -> json = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see README.md, \"How fast\"");
            }
        }
        if (requests < 1 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--requests and --clients must be positive");
        }
        return new Options(requests, clients, finishAfter, jar, db, json, jfr, keepDatabases, quick, cluster);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
