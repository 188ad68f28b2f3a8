package org.civic311.orchestrator.request;

/**
 * A client's name for one submission (Open311's {@code Idempotency-Key} extension): the same key from the same
 * client means the same submission, answered with the request it made.
 *
 * @param client      who sent it, e.g. a digest of the client's api_key
 * @param key         the client's key
 * @param fingerprint a digest of what was submitted: the same key with another submission is refused
 */
public record SubmissionKey(String client, String key, String fingerprint) {
}
