package org.civic311.orchestrator.request;

/**
 * A resident who follows a request someone else reported, to hear when it is closed.
 *
 * @param language the BCP 47 tag of the language they read; null for the city's default
 */
public record Follower(long id, long requestId, String email, String phone, String language, NotifyBy notifyBy) {
}
