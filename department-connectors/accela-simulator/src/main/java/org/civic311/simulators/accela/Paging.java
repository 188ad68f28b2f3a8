package org.civic311.simulators.accela;

import java.util.List;

/** The {@code offset} and {@code limit} of a list request: 25 by default, never more than 1000. */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;

    static Paging parse(String offset, String limit) {
        int from = number(offset, "offset", 0);
        int size = number(limit, "limit", DEFAULT_LIMIT);
        if (from < 0) {
            throw AccelaApiException.badRequest("Invalid offset " + offset + ".");
        }
        if (size < 1) {
            throw AccelaApiException.badRequest("Invalid limit " + limit + ".");
        }
        return new Paging(from, Math.min(size, MAX_LIMIT));
    }

    <T> List<T> slice(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    private static int number(String text, String name, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw AccelaApiException.badRequest("Invalid " + name + " '" + text + "'.", "The " + name + " must be a whole number.");
        }
    }
}
