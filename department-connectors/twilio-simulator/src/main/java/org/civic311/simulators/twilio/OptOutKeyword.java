package org.civic311.simulators.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's default keyword handling on long codes: a text that is exactly one of these words (trimmed, in any case)
 * opts the sender out of, back into, or asks for help about the account's messages. Twilio answers each itself.
 */
enum OptOutKeyword {
    STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
            "You have successfully been unsubscribed. You will not receive any more messages from this number. "
                    + "Reply START to resubscribe."),
    START(Set.of("START", "YES", "UNSTOP"),
            "You have successfully been re-subscribed to messages from this number. Reply HELP for help. "
                    + "Reply STOP to unsubscribe. Msg&Data Rates May Apply."),
    HELP(Set.of("HELP", "INFO"),
            "Reply STOP to unsubscribe. Msg&Data Rates May Apply.");

    private final Set<String> words;
    final String reply;

    OptOutKeyword(Set<String> words, String reply) {
        this.words = words;
        this.reply = reply;
    }

    static Optional<OptOutKeyword> of(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        for (OptOutKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
