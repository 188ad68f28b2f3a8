package org.civic311.orchestrator.open311;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civic311.connectors.Digest;
import org.civic311.orchestrator.request.SubmissionKey;
import org.springframework.util.MultiValueMap;

/**
 * The {@code Idempotency-Key} header of {@code POST requests}, an extension to Open311 (as in the IETF draft
 * "The Idempotency-Key HTTP Header Field"): a client that retries a submission after a timeout sends the same key
 * and gets the first answer, not a second request.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {
    }

    /**
     * @param header the header as sent; null or blank when there is none
     * @param apiKey the client's valid api_key: keys are the client's own, never shared with another client
     * @return the submission's key; null without a header, or when it is not valid (an error is noted in {@code args})
     */
    static SubmissionKey read(String header, String apiKey, Arguments args) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        // The draft sends it as a structured-field string, in quotes; most clients send it bare.
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            args.error(NAME + " must be 1 to " + MAX_LENGTH + " visible ASCII characters.");
            return null;
        }
        return new SubmissionKey(Digest.sha256Hex(apiKey), key, fingerprint(args.all()));
    }

    /** The submitted arguments, in a fixed order, without the api_key. */
    private static String fingerprint(MultiValueMap<String, String> form) {
        Map<String, List<String>> sorted = new TreeMap<>(form);
        sorted.remove("api_key");
        StringBuilder text = new StringBuilder();
        sorted.forEach((name, values) -> values.forEach(v -> text.append(name.length()).append(':').append(name)
                .append('=').append(v == null ? 0 : v.length()).append(':').append(v == null ? "" : v).append('\n')));
        return Digest.sha256Hex(text.toString());
    }
}
