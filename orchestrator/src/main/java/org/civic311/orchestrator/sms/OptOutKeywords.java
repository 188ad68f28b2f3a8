package org.civic311.orchestrator.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words a resident texts to stop or restart texts, or to ask for help: Twilio's default keywords on long codes,
 * matched as Twilio matches them (the whole text, trimmed, in any case). Twilio answers each with its own reply, so
 * Civic311 only records them.
 *
 * <p>Twilio also takes YES as a restart (and Advanced Opt-Out may call it START). Civic311 does not: YES is how a
 * resident answers "was it fixed?", and an answer to a question must not undo a STOP. A resident who said STOP
 * restarts with START or UNSTOP.
 */
enum OptOutKeywords {
    STOP("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
    START("START", "UNSTOP"),
    HELP("HELP", "INFO");

    /** Twilio's restart word that Civic311 takes as an answer instead. */
    private static final String ANSWER = "YES";

    private final Set<String> words;

    OptOutKeywords(String... words) {
        this.words = Set.of(words);
    }

    /**
     * @param optOutType what Twilio's Advanced Opt-Out says the text is ({@code OptOutType}: STOP, START or HELP), so
     *                   a city's own keywords (ALTO, 停止…) count too; null without Advanced Opt-Out
     * @param body       the text
     * @return the keyword the text is; empty for any other text, and always for YES
     */
    static Optional<OptOutKeywords> of(String optOutType, String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (ANSWER.equals(word)) {
            return Optional.empty();
        }
        if (optOutType != null && !optOutType.isBlank()) {
            try {
                return Optional.of(valueOf(optOutType.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // a kind this version does not know: read the text itself
            }
        }
        for (OptOutKeywords keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
