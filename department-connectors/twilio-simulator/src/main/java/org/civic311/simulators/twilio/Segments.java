package org.civic311.simulators.twilio;

/**
 * The parts a carrier splits a text into, as Twilio reports {@code num_segments}: GSM-7 text holds 160 septets in one
 * part and 153 in each of several (an extension-table character takes two); anything else is UCS-2, 70 UTF-16 units
 * in one part and 67 in each of several.
 */
final class Segments {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Segments() {
    }

    static int of(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return parts(body.length(), 70, 67);
            }
        }
        return parts(septets, 160, 153);
    }

    private static int parts(int units, int single, int each) {
        return units <= single ? 1 : (units + each - 1) / each;
    }
}
