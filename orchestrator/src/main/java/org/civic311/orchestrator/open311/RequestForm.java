package org.civic311.orchestrator.open311;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civic311.orchestrator.request.NewServiceRequest;
import org.civic311.orchestrator.request.Resident;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The form of {@code POST requests}, read and checked field by field. Every problem is reported, not just the
 * first; an empty field counts as a missing one, as the spec asks.
 */
final class RequestForm {

    static final int MAX_DESCRIPTION = 4000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{7,25}$");
    private static final Pattern HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\[\\]]+)\\](\\[\\])?$");

    private final MultiValueMap<String, String> form;
    private final List<Open311Error> errors = new ArrayList<>();

    RequestForm(MultiValueMap<String, String> form) {
        this.form = form;
    }

    String value(String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param channel the intake channel of the client's api_key
     * @return the request, or an {@link Open311Exception} carrying every problem found
     */
    NewServiceRequest read(String channel) {
        String serviceCode = value("service_code");
        if (serviceCode == null) {
            error("service_code is required.");
        }
        Double lat = coordinate("lat", -90, 90);
        Double lon = coordinate("long", -180, 180);
        String address = value("address_string");
        String addressId = value("address_id");
        if ((lat == null) != (lon == null) && !hasError("lat") && !hasError("long")) {
            error("lat and long must be given together.");
        }
        if ((lat == null || lon == null) && address == null && addressId == null && errors.isEmpty()) {
            error("A location is required: lat and long, address_string, or address_id.");
        }
        String description = value("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            error("description may be at most " + MAX_DESCRIPTION + " characters.");
        }
        if (description != null && HTML.matcher(description).find()) {
            error("description may not contain HTML.");
        }
        String email = value("email");
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            error("email is not a valid email address.");
        }
        String phone = value("phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            error("phone is not a valid phone number.");
        }
        String mediaUrl = value("media_url");
        if (mediaUrl != null && !isWebUrl(mediaUrl)) {
            error("media_url must be an http or https URL.");
        }
        for (String field : List.of("first_name", "last_name")) {
            String name = value(field);
            if (name != null && name.length() > 100) {
                error(field + " may be at most 100 characters.");
            }
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, errors);
        }
        Resident resident = new Resident(value("first_name"), value("last_name"), email, phone, value("device_id"),
                value("account_id"));
        return new NewServiceRequest(serviceCode, description, lat, lon, address, addressId, value("zipcode"),
                mediaUrl, resident, channel, attributes());
    }

    private Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                        .forEach(v -> attributes.computeIfAbsent(m.group(1), c -> new ArrayList<>()).add(v));
            }
        });
        return attributes;
    }

    private Double coordinate(String name, double min, double max) {
        String text = value(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(name + " must be a number from " + (int) min + " to " + (int) max + ".");
        return null;
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.description().startsWith(field + " "));
    }

    private void error(String description) {
        errors.add(new Open311Error(400, description));
    }
}
