package org.civic311.orchestrator.open311;

/** One entry of an Open311 error list: {@code [{"code":400,"description":"…"}]}. */
record Open311Error(int code, String description) {
}
