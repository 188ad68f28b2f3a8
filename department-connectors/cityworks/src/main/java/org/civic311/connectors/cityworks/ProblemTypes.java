package org.civic311.connectors.cityworks;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ConnectorRefusal;

/**
 * The site's problem types, by problem code: what the routing rules name a service request's work type by, and the
 * ProblemSid Cityworks files it under. Read from {@code Ams/ServiceRequest/Problems} on first use and again whenever
 * a code is not among them, so a problem type added on the site works at once, without a restart.
 */
final class ProblemTypes {

    private final CityworksClient client;

    /** Upper-case problem code to ProblemSid, in code order (as a refusal lists them); replaced whole on each reading. */
    private volatile Map<String, Long> sids = Map.of();

    ProblemTypes(CityworksClient client) {
        this.client = client;
    }

    /**
     * @param problemCode e.g. {@code TREE DAMAGED}, matched as Cityworks does, whatever its case
     * @throws ConnectorRefusal when the site has no problem type with that code
     */
    long sidOf(String problemCode) {
        String code = problemCode.strip().toUpperCase(Locale.ROOT);
        Long sid = sids.get(code);
        if (sid == null) {
            sids = read();
            sid = sids.get(code);
        }
        if (sid == null) {
            throw new ConnectorRefusal("Cityworks has no problem type with the code '" + problemCode
                    + "' (Ams/ServiceRequest/Problems lists " + String.join(", ", sids.keySet())
                    + "): correct the work type in the routing rules, or add the problem type on the site");
        }
        return sid;
    }

    private Map<String, Long> read() {
        JsonNode problems = client.call("Ams/ServiceRequest/Problems", Map.of()).valueOrThrow();
        Map<String, Long> read = new TreeMap<>();
        for (JsonNode problem : problems) {
            long sid = problem.path("ProblemSid").asLong();
            String code = problem.path("ProblemCode").asText("");
            if (sid > 0 && !code.isBlank()) {
                read.putIfAbsent(code.strip().toUpperCase(Locale.ROOT), sid);
            }
        }
        return Collections.unmodifiableMap(read);
    }
}
