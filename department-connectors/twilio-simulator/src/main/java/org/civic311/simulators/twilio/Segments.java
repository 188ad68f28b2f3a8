package org.civic311.simulators.twilio;

import java.util.Arrays;

/**
 * The parts a carrier splits a text into, as Twilio reports {@code num_segments}: GSM-7 text holds 160 septets in one
 * part and 153 in each of several (an extension-table character takes two); anything else is UCS-2, 70 UTF-16 units
 * in one part and 67 in each of several. A character is never split between two parts.
 */
final class Segments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Segments() {
    }

    static int of(String body) {
        boolean gsm = body.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        int[] widths = gsm
                ? body.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).toArray()
                : body.codePoints().map(Character::charCount).toArray();
        int total = Arrays.stream(widths).sum();
        if (total <= (gsm ? 160 : 70)) {
            return 1;
        }
        int room = gsm ? 153 : 67;
        int parts = 1;
        int left = room;
        for (int width : widths) {
            if (width > left) {
                parts++;
                left = room;
            }
            left -= width;
        }
        return parts;
    }
}
