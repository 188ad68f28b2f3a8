package org.civic311.connectors.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civic311.connectors.Redaction;
import org.civic311.connectors.WorkStatus;

/**
 * What the department wrote, without the quoted original or the signature, and what it means for the request.
 * <p>
 * Only a first line that starts with one of a few fixed words closes the request; free text never does,
 * because a wrongly closed request tells the resident their pothole is fixed when it is not.
 */
record ReplyText(String text) {

    private static final Pattern DONE = Pattern.compile(
            "^(DONE|CLOSED|COMPLETE|COMPLETED|RESOLVED)\\b[\\s:\\-\u2013\u2014.,!]*(.*)$", Pattern.CASE_INSENSITIVE);

    /** The department's own words from a reply body. */
    static ReplyText of(String body) {
        return new ReplyText(Redaction.ownWords(body));
    }

    /** COMPLETED only for the fixed words at the start of the first line; anything else is a note. */
    WorkStatus status() {
        return done().matches() ? WorkStatus.COMPLETED : WorkStatus.COMMENT;
    }

    /** For a closure: the words after DONE and the lines below. For a note: all of it. */
    String note() {
        Matcher done = done();
        if (!done.matches()) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        String rest = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1);
        return (done.group(2) + "\n" + rest).strip();
    }

    private Matcher done() {
        // text is stripped, so its first line is the first non-empty one
        int end = text.indexOf('\n');
        return DONE.matcher(end < 0 ? text : text.substring(0, end).strip());
    }
}
