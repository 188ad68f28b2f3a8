package org.civic311.benchmark;

/**
 * One concurrency level of one system.
 *
 * @param intakePerSecond    requests accepted per second while the clients submitted
 * @param intakeMillis       the latency of one submission, as its client saw it
 * @param dispatchLagMillis  accepted → created in the department's system
 * @param noticeLagMillis    the department finished → the resident's closure notice sent
 * @param endToEndPerSecond  requests per second from the first submission to the last closure notice
 */
record PhaseResult(String system, int clients, int requests, double intakePerSecond, Percentiles intakeMillis,
                   Percentiles dispatchLagMillis, Percentiles noticeLagMillis, double endToEndPerSecond) {
}
