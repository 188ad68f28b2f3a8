package org.civic311.orchestrator.sms;

/**
 * How many parts (segments) a carrier splits a text into, which is what a resident's phone shows as one message and
 * what the city pays for. GSM-7 text (the GSM 03.38 basic table) holds 160 septets alone or 153 per part when
 * split; a character of the extension table ({@code € [ ] { } \ ^ ~ |} and form feed) takes two septets and is never
 * split across parts. Any other character makes the whole text UCS-2: 70 UTF-16 units alone or 67 per part, and a
 * character outside the Basic Multilingual Plane (an emoji) takes two units and is never split either.
 */
public final class SmsSegments {

    /** Septets in a text of one GSM-7 segment. */
    public static final int GSM7_SINGLE = 160;
    /** Septets per segment of a longer GSM-7 text (the rest carries the concatenation header). */
    public static final int GSM7_MULTI = 153;
    /** UTF-16 units in a text of one UCS-2 segment. */
    public static final int UCS2_SINGLE = 70;
    /** UTF-16 units per segment of a longer UCS-2 text. */
    public static final int UCS2_MULTI = 67;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    /** Whether every character of the text is in GSM-7 (basic or extension table), so it is sent 160 to a segment. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The number of segments the text is sent as; an empty text is one. */
    public static int count(String text) {
        return isGsm7(text) ? countGsm7(text) : countUcs2(text);
    }

    private static int countGsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= GSM7_SINGLE) {
            return 1;
        }
        Parts parts = new Parts(GSM7_MULTI);
        for (int i = 0; i < text.length(); i++) {
            parts.add(EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1);
        }
        return parts.count;
    }

    private static int countUcs2(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return 1;
        }
        Parts parts = new Parts(UCS2_MULTI);
        text.codePoints().forEach(codePoint -> parts.add(Character.charCount(codePoint)));
        return parts.count;
    }

    /** Fills segments of a fixed size with characters that may not be split. */
    private static final class Parts {

        private final int size;
        private int count = 1;
        private int used;

        Parts(int size) {
            this.size = size;
        }

        void add(int units) {
            if (used + units > size) {
                count++;
                used = 0;
            }
            used += units;
        }
    }
}
