package org.civic311.connectors.accela;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-line US street address ("121 N LaSalle St, Chicago") split into the parts of Accela's recordAddressModel:
 * {@code streetStart} (the house number), {@code direction}, {@code streetName} and {@code streetSuffix}, with the
 * direction and suffix as their USPS abbreviations, the values agencies' lists commonly hold.
 */
record StreetAddress(long number, String direction, String name, String suffix) {

    private static final Map<String, String> DIRECTIONS = Map.ofEntries(
            Map.entry("N", "N"), Map.entry("NORTH", "N"), Map.entry("S", "S"), Map.entry("SOUTH", "S"),
            Map.entry("E", "E"), Map.entry("EAST", "E"), Map.entry("W", "W"), Map.entry("WEST", "W"),
            Map.entry("NE", "NE"), Map.entry("NW", "NW"), Map.entry("SE", "SE"), Map.entry("SW", "SW"));

    private static final Map<String, String> SUFFIXES = Map.ofEntries(
            Map.entry("ST", "ST"), Map.entry("STREET", "ST"), Map.entry("AVE", "AVE"), Map.entry("AVENUE", "AVE"),
            Map.entry("RD", "RD"), Map.entry("ROAD", "RD"), Map.entry("BLVD", "BLVD"), Map.entry("BOULEVARD", "BLVD"),
            Map.entry("DR", "DR"), Map.entry("DRIVE", "DR"), Map.entry("LN", "LN"), Map.entry("LANE", "LN"),
            Map.entry("CT", "CT"), Map.entry("COURT", "CT"), Map.entry("PL", "PL"), Map.entry("PLACE", "PL"),
            Map.entry("WAY", "WAY"), Map.entry("TER", "TER"), Map.entry("TERRACE", "TER"), Map.entry("PKWY", "PKWY"),
            Map.entry("PARKWAY", "PKWY"), Map.entry("HWY", "HWY"), Map.entry("HIGHWAY", "HWY"),
            Map.entry("CIR", "CIR"), Map.entry("CIRCLE", "CIR"));

    private static final Pattern NUMBER_AND_STREET = Pattern.compile("(\\d+)(?:-\\d+)?\\s+(.+)");

    /** The address's parts; empty when the line does not start with a house number and a street. */
    static Optional<StreetAddress> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String street = line.split(",", 2)[0].strip();
        Matcher matcher = NUMBER_AND_STREET.matcher(street);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String[] words = matcher.group(2).strip().split("\\s+");
        int first = 0;
        int last = words.length;
        // The suffix first: in "West Ave" the street is called West.
        String suffix = words.length > 1 ? SUFFIXES.get(key(words[last - 1])) : null;
        if (suffix != null) {
            last--;
        }
        String direction = last - first > 1 ? DIRECTIONS.get(key(words[0])) : null;
        if (direction != null) {
            first++;
        }
        String name = String.join(" ", Arrays.copyOfRange(words, first, last));
        return Optional.of(new StreetAddress(Long.parseLong(matcher.group(1)), direction, name, suffix));
    }

    private static String key(String word) {
        return word.replace(".", "").toUpperCase(Locale.ROOT);
    }
}
