package org.civic311.orchestrator.request;

/**
 * A request was stored; its request type's process starts in the same transaction.
 *
 * @param requestTypeVersion the deployed version of the request type whose questions the report answered
 * @param channel            how it came in: the channel of the client's api_key (web, phone…), or null
 */
public record ServiceRequestSubmitted(long requestId, String trackingNumber, String serviceCode,
                                      String requestTypeVersion, String channel) {
}
