package org.civic311.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a department's words may be shown to the public. Staff write resolutions for colleagues as much as for
 * residents: they paste mail threads, sign with their direct line, quote the resident's phone number. Only the
 * department's own words, without contact details or Civic311 references, are published.
 * <p>
 * Every connector and the orchestrator use this one class, so a rule added here holds for every system.
 */
public final class Redaction {

    /** What is left where a reference, an email address or a phone number was. */
    public static final String REFERENCE = "[reference]";
    public static final String EMAIL = "[email address]";
    public static final String PHONE = "[phone number]";

    // A Civic311 reply reference (C311-<task>.<department>.<signature>), also in [ref:…] brackets, in any case and
    // with whatever hex a mangled copy added: a signed reference is all it takes to answer for the department.
    private static final String REFERENCE_SHAPED = ReplyReference.SHAPE + "[0-9a-f]*";
    private static final Pattern REFERENCES = Pattern.compile(
            "\\[ref:\\s*" + REFERENCE_SHAPED + "\\s*\\]|" + REFERENCE_SHAPED, Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAILS = Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    // Digits with the separators people write phone numbers with; counted and told from dates below.
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\w./-])\\+?\\(?\\d[\\d\\s().-]{5,}\\d(?![\\w/-])");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}");
    private static final int FEWEST_PHONE_DIGITS = 7;
    private static final int MOST_PHONE_DIGITS = 15;

    // Each of these starts what a reply quotes or signs off with; the line and everything after it goes.
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

    private Redaction() {
    }

    /** The words fit for a public note: the writer's own words, without references and contact details. */
    public static String forPublic(String text) {
        if (text == null) {
            return "";
        }
        return phoneNumbersOut(EMAILS.matcher(withoutReferences(ownWords(text))).replaceAll(EMAIL)).strip();
    }

    /**
     * The text with every reference-shaped string, genuine or not, replaced by {@value #REFERENCE}. Also for what
     * only staff see: a reference is a credential, not information.
     */
    public static String withoutReferences(String text) {
        return text == null ? null : REFERENCES.matcher(text).replaceAll(Matcher.quoteReplacement(REFERENCE));
    }

    /** The writer's own words: without the quoted original (lines starting {@code >}, "On … wrote:" and the rest) or the signature. */
    public static String ownWords(String text) {
        String[] lines = (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (startsQuoteOrSignature(lines, i)) {
                break;
            }
            if (!lines[i].stripLeading().startsWith(">")) {
                kept.add(lines[i].stripTrailing());
            }
        }
        return String.join("\n", kept).strip();
    }

    private static String phoneNumbersOut(String text) {
        Matcher candidate = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (candidate.find()) {
            String found = candidate.group();
            long digits = found.chars().filter(Character::isDigit).count();
            boolean phone = digits >= FEWEST_PHONE_DIGITS && digits <= MOST_PHONE_DIGITS
                    && !DATE_LIKE.matcher(found).find();
            candidate.appendReplacement(out, Matcher.quoteReplacement(phone ? PHONE : found));
        }
        candidate.appendTail(out);
        return out.toString();
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
