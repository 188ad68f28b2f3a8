package org.civic311.simulators.twilio;

import java.net.URI;
import java.time.Instant;

/**
 * One message of the account, as Twilio keeps it: sent by the API ({@code outbound-api}), sent by Twilio itself in
 * answer to a keyword ({@code outbound-reply}) or received from a resident ({@code inbound}).
 *
 * @param statusCallback where status changes are reported, or null
 * @param errorCode      Twilio's error code for an undelivered or failed message, or null
 */
public record SimulatedMessage(String sid, String accountSid, String messagingServiceSid, String from, String to,
                               String body, String direction, String status, Integer errorCode, int numSegments,
                               Instant dateCreated, Instant dateSent, Instant dateUpdated, URI statusCallback) {

    SimulatedMessage withStatus(String newStatus, Integer error, Instant at) {
        Instant sent = dateSent == null && ("sent".equals(newStatus) || "delivered".equals(newStatus)) ? at : dateSent;
        return new SimulatedMessage(sid, accountSid, messagingServiceSid, from, to, body, direction, newStatus, error,
                numSegments, dateCreated, sent, at, statusCallback);
    }
}
