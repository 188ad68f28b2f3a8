package org.civic311.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of work for one department, as the department's system should record it.
 *
 * @param taskKey        our department task's key: {@value #KEY_LENGTH} random lower-case letters and digits, unique
 *                       across installations and database restores (a numeric id is not). Connectors store it in
 *                       the department's system and look it up before creating anything, so a retry finds the
 *                       earlier item and another installation's items are never taken for ours
 * @param trackingNumber the resident's tracking number, e.g. {@code SR-2026-000123}
 * @param serviceCode    the Open311 service code (request type), e.g. {@code pothole}
 * @param serviceName    the request type's human name, e.g. {@code Pothole}
 * @param department     the department code the work is routed to, e.g. {@code streets}
 * @param priority       the routing priority, e.g. {@code P2}
 * @param workType       the department system's own kind of work, as the routing rules named it: the Cityworks
 *                       problem code (e.g. {@code TREE DAMAGED}) or work order template id, the Accela record type
 *                       ({@code Group/Type/SubType/Category}); null for a system that has none (email). A connector
 *                       whose system needs one refuses work without it, or with one the site does not know
 * @param dueAt          when the service level says the work must be done
 * @param description    what the resident reported
 * @param location       where
 * @param attributes     the request type's answers, by attribute code (multi-value lists have several values)
 * @param caller         who reported it, for departments that call back; may be {@link Caller#ANONYMOUS}
 * @param mediaUrl       a photo, when the resident sent one; may be null
 */
public record WorkOrder(
        String taskKey,
        String trackingNumber,
        String serviceCode,
        String serviceName,
        String department,
        String priority,
        String workType,
        Instant dueAt,
        String description,
        Location location,
        Map<String, List<String>> attributes,
        Caller caller,
        String mediaUrl) {

    /** The length of a task key; department systems' reference fields must hold at least this many characters. */
    public static final int KEY_LENGTH = 20;

    public WorkOrder {
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(location, "location");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** Where the work is: coordinates, an address, or both. */
    public record Location(Double lat, Double lon, String address, String addressId, String zipcode) {

        /** The most useful one-line description of the place, for people. */
        public String describe() {
            if (address != null && !address.isBlank()) {
                return address;
            }
            if (lat != null && lon != null) {
                return lat + ", " + lon;
            }
            return addressId == null ? "(no location given)" : "address id " + addressId;
        }
    }

    /** The resident who reported the problem. Any field may be null. */
    public record Caller(String firstName, String lastName, String email, String phone) {
        public static final Caller ANONYMOUS = new Caller(null, null, null, null);
    }
}
