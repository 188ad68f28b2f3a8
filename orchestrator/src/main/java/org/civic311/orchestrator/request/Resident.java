package org.civic311.orchestrator.request;

/** Who reported the request. Personal data: never shown in public responses. Any field may be null. */
public record Resident(String firstName, String lastName, String email, String phone, String deviceId, String accountId) {

    public static final Resident ANONYMOUS = new Resident(null, null, null, null, null, null);

    public String greetingName() {
        return firstName == null || firstName.isBlank() ? "resident" : firstName;
    }
}
