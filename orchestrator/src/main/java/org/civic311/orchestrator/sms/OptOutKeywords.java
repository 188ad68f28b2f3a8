package org.civic311.orchestrator.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words a resident texts to stop or restart texts, or to ask for help: Twilio's default keywords on long codes,
 * matched as Twilio matches them (the whole text, trimmed, in any case). Twilio answers each with its own reply, so
 * Civic311 only records them.
 *
 * <p>Twilio also takes YES as a restart. Civic311 does not: YES is how a resident answers "was it fixed?", and an
 * answer to a question must not undo a STOP. A resident who said STOP restarts with START or UNSTOP.
 */
enum OptOutKeywords {
    STOP("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
    START("START", "UNSTOP"),
    HELP("HELP", "INFO");

    private final Set<String> words;

    OptOutKeywords(String... words) {
        this.words = Set.of(words);
    }

    static Optional<OptOutKeywords> of(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        for (OptOutKeywords keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** Twilio's Advanced Opt-Out names the keyword's kind in {@code OptOutType}: STOP, START or HELP. */
    static Optional<OptOutKeywords> ofType(String optOutType) {
        if (optOutType == null || optOutType.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(optOutType.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
