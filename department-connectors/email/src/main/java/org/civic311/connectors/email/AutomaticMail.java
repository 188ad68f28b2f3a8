package org.civic311.connectors.email;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

/**
 * Recognises mail no person wrote: out-of-office answers, bounces, read receipts, list traffic.
 * They often quote our subject and so carry a genuine token, and must never become a note, let alone a closure.
 */
final class AutomaticMail {

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "list", "junk", "auto_reply");

    private AutomaticMail() {
    }

    /** Why the message is automatic, or empty when a person may have written it. */
    static Optional<String> why(Part message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        // RFC 3834: any value but "no" (possibly with parameters) means a machine sent it.
        if (autoSubmitted != null && !keyword(autoSubmitted).equals("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(keyword(precedence))) {
            return Optional.of("Precedence: " + precedence);
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "List-Id"}) {
            if (first(message, header) != null) {
                return Optional.of(header + " header");
            }
        }
        String returnPath = first(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("empty Return-Path (a bounce)");
        }
        if (message.isMimeType("multipart/report")) {
            return Optional.of("multipart/report (a bounce or receipt)");
        }
        return Optional.empty();
    }

    private static String first(Part message, String header) throws MessagingException {
        String[] values = message.getHeader(header);
        return values == null || values.length == 0 ? null : values[0].strip();
    }

    private static String keyword(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
