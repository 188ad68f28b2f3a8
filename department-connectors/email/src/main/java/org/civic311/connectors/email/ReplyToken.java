package org.civic311.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference a work email carries, e.g. {@code C311-42.streets.0a1b2c3d4e5f60718293}: which task, which
 * department, and a signature over both. It goes out in the Message-ID, the subject and the body, so a reply
 * brings it back in at least one of them. Parsing a token says nothing about whether it is genuine:
 * {@link ReplyTokens#isGenuine} does.
 */
record ReplyToken(String taskId, String department, String signature) {

    static final String TASK_ID = "[A-Za-z0-9_-]+";

    static final String DEPARTMENT = "[a-z0-9_-]+";

    static final int SIGNATURE_HEX_CHARS = 20;

    private static final String PREFIX = "C311-";

    // Not glued to surrounding word characters, so "xC311-…" or a longer hex run is no token at all.
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_.-])" + PREFIX
            + "(" + TASK_ID + ")\\.(" + DEPARTMENT + ")\\.([0-9a-f]{" + SIGNATURE_HEX_CHARS + "})(?![A-Za-z0-9_-])");

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

    static boolean isTaskId(String taskId) {
        return taskId != null && taskId.matches(TASK_ID);
    }

    static boolean isDepartment(String department) {
        return department != null && department.matches(DEPARTMENT);
    }

    @Override
    public String toString() {
        return PREFIX + taskId + "." + department + "." + signature;
    }
}
