package org.civic311.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civic311.connectors.ReplyReference;

/**
 * The reference a work email carries, e.g. {@code C311-k3v8q2m5x7a9c4d6e2f8.streets.0a1b2c3d4e5f60718293}: which
 * task (its random key), which department, and a signature over both. Only the signature makes it a secret: it
 * is never logged, and the task is known elsewhere by {@link #reference()}, the token without it. It goes out in the Message-ID, the subject and the body, so a reply
 * brings it back in at least one of them. Parsing a token says nothing about whether it is genuine:
 * {@link ReplyTokens#isGenuine} does.
 */
record ReplyToken(String taskKey, String department, String signature) {

    static final String DEPARTMENT = ReplyReference.DEPARTMENT;

    static final int SIGNATURE_HEX_CHARS = ReplyReference.SIGNATURE_HEX_CHARS;

    // Not glued to surrounding word characters, so "xC311-…" or a longer hex run is no token at all.
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_.-])" + ReplyReference.SHAPE + "(?![A-Za-z0-9_-])");

    /** Every token-shaped string in the text, in order of appearance; none is verified yet. */
    static List<ReplyToken> find(String text) {
        List<ReplyToken> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            found.add(new ReplyToken(m.group(1), m.group(2), m.group(3)));
        }
        return found;
    }

    static boolean isTaskKey(String taskKey) {
        return taskKey != null && taskKey.matches(ReplyReference.TASK_KEY);
    }

    static boolean isDepartment(String department) {
        return department != null && department.matches(DEPARTMENT);
    }

    /** What the task is known by outside the mail itself (its external reference): no secret, may be logged. */
    String reference() {
        return ReplyReference.PREFIX + taskKey + "." + department;
    }

    /** The whole token, signature included: for the mail only, never for a log. */
    @Override
    public String toString() {
        return reference() + "." + signature;
    }
}
