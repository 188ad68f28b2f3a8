package org.civic311.orchestrator.staff;

import java.util.Locale;

import org.civic311.orchestrator.request.ServiceRequest;

/**
 * Where a request stands for staff: what Open311 publishes of its routing, and the service area (ward, zone) it was
 * routed by, which Open311 has no field for. Nothing of the resident.
 *
 * @param area null when the request has no coordinates, or they lie outside every configured area
 */
record StaffRequestView(String trackingNumber, String serviceCode, String status, String department, String area) {

    static StaffRequestView of(ServiceRequest request) {
        return new StaffRequestView(request.trackingNumber(), request.serviceCode(),
                request.status().name().toLowerCase(Locale.ROOT), request.department(), request.area());
    }
}
