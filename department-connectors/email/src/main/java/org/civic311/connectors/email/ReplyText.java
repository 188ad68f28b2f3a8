package org.civic311.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    // Each of these starts what the reply quotes or signs off with; the line and everything after it goes.
    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");
    private static final Pattern SENT_FROM_DEVICE = Pattern.compile("^(Sent from my .+|Get Outlook for .+)$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{10,}$");
    private static final Pattern ON_WROTE_START = Pattern.compile("^On\\s.+");
    private static final Pattern WROTE_END = Pattern.compile(".*\\bwrote:$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?From:\\*?\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile("^\\*?(Sent|Date):\\*?\\s.*", Pattern.CASE_INSENSITIVE);

    /** How many lines after an Outlook "From:" we look for its "Sent:" (To/Cc may come first when wrapped). */
    private static final int HEADER_BLOCK_LINES = 4;

    /** The department's own words from a reply body. */
    static ReplyText of(String body) {
        String[] lines = (body == null ? "" : body).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (startsQuoteOrSignature(lines, i)) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        return new ReplyText(String.join("\n", kept).strip());
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

    private static boolean startsQuoteOrSignature(String[] lines, int i) {
        String line = lines[i].strip();
        if (SIGNATURE.matcher(lines[i].stripLeading()).matches() || SENT_FROM_DEVICE.matcher(line).matches()
                || ORIGINAL_MESSAGE.matcher(line).matches() || OUTLOOK_RULE.matcher(line).matches()) {
            return true;
        }
        if (ON_WROTE_START.matcher(line).matches()) {
            // Gmail wraps a long attribution over two lines: "On Tue, … Civic311 <" / "replies@…> wrote:"
            return WROTE_END.matcher(line).matches()
                    || i + 1 < lines.length && WROTE_END.matcher(lines[i + 1].strip()).matches();
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < lines.length && j <= i + HEADER_BLOCK_LINES; j++) {
                if (HEADER_SENT.matcher(lines[j].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
