package org.civic311.simulators.cityworks;

/**
 * Column widths of the text fields clients keep their own references in. A site's database refuses a longer value
 * (SQL Server: "String or binary data would be truncated"), which Cityworks answers as an error. Cityworks
 * publishes no widths; these are deliberately narrow, so a client that fits them should fit any site.
 */
final class FieldLengths {

    /** {@code OtherSystemId} of a service request. */
    static final int OTHER_SYSTEM_ID = 30;

    /** Each of {@code Text1..Text20} of a service request or work order. */
    static final int USER_TEXT = 100;

    private FieldLengths() {
    }

    /** @throws CityworksFault InvalidField (30) when the field was sent longer than {@code max} characters */
    static void check(DataParameter data, String field, int max) {
        data.text(field).filter(text -> text.length() > max).ifPresent(text -> {
            throw CityworksFault.invalidField(field, "is " + text.length() + " characters long; at most " + max
                    + " fit.");
        });
    }

    static void checkUserTexts(DataParameter data) {
        for (int i = 1; i <= 20; i++) {
            check(data, "Text" + i, USER_TEXT);
        }
    }
}
