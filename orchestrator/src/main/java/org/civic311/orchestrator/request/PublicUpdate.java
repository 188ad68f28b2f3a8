package org.civic311.orchestrator.request;

import java.time.Instant;

/**
 * A step in a request's public history, as FixMyStreet-style clients follow it.
 *
 * @param id     the note's id, stable: the update's identity for clients
 * @param closed whether the request was closed by the time of this step
 */
public record PublicUpdate(long id, String trackingNumber, String type, String description, Instant at,
                           boolean closed) {
}
