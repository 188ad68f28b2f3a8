package org.civic311.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.Resident;
import org.civic311.orchestrator.request.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * How long the what-if takes for 30 days of a large city: 250,000 generated requests replayed against the rules of
 * {@code rules/} and a proposal that sends potholes to Urban Forestry. Prints the times; not part of {@code mvn
 * verify} (run it with {@code mvn -pl orchestrator -am test -Dtest=WhatIfBenchmark}).
 */
class WhatIfBenchmark {

    static final int REQUESTS = Integer.getInteger("whatif.requests", 250_000);

    @Test
    void replay250000Requests() throws IOException {
        RuleSet current = RuleSet.compile(RuleSet.folderFiles(Path.of("../rules")));
        RuleSet proposed = current.with(List.of(RuleFile.read("potholes.drl",
                Files.readAllBytes(Path.of("src/test/resources/rules-tests/potholes-to-forestry.drl")))));
        SlaClock clock = new SlaClock(ZoneId.of("America/Chicago"), Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0));
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        Instant from = to.minus(Duration.ofDays(30));
        List<ServiceRequest> requests = generate(REQUESTS, from);
        long potholes = requests.stream().filter(r -> r.serviceCode().equals("pothole")).count();

        // once to warm up the JIT on a tenth, then the whole period three times
        WhatIfReport warmUp = RulesWhatIf.replay(current, proposed, requests.subList(0, REQUESTS / 10), clock, from, to);
        assertThat(warmUp.replayed()).isEqualTo(REQUESTS / 10);
        System.out.printf("What-if benchmark: %,d requests, %d cores%n", REQUESTS,
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            WhatIfReport report = RulesWhatIf.replay(current, proposed, requests, clock, from, to);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("  run %d: %,d ms (%,.0f requests/s), %,d changed, counts %s%n", run, millis,
                    REQUESTS * 1000.0 / millis, report.changed(), report.counts());
            assertThat(report.changed()).isEqualTo((int) potholes);
        }
    }

    static List<ServiceRequest> generate(int count, Instant from) {
        Random random = new Random(311);
        String[] codes = {"pothole", "damaged_tree", "high_weeds", "graffiti"};
        List<ServiceRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = codes[random.nextInt(codes.length)];
            Map<String, List<String>> answers = switch (code) {
                case "pothole" -> Map.of("hazard", List.of(random.nextBoolean() ? "yes" : "no"));
                case "damaged_tree" -> Map.of("blocking", List.of(random.nextBoolean() ? "yes" : "no"));
                default -> Map.of();
            };
            Instant at = from.plusSeconds(random.nextInt(30 * 24 * 3600));
            requests.add(new ServiceRequest(i, "SR-2026-" + i, code, code, RequestStatus.OPEN, null, "generated",
                    41.8 + random.nextDouble() / 10, -87.6 - random.nextDouble() / 10, i + " N LaSalle St", null,
                    "606" + (10 + random.nextInt(50)), null, new Resident(null, null, null, null, null, null), "web",
                    null, null, null, at, at, null, null, answers, null, null, null));
        }
        return requests;
    }
}
