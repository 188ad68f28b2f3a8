package org.civic311.orchestrator.request;

/**
 * What the resident asked for at intake: the language they read (a BCP 47 tag the notices offer) and how they want
 * to hear back.
 */
public record NoticePreferences(String language, NotifyBy notifyBy) {
}
