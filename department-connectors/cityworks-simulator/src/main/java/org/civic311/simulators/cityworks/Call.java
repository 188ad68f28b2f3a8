package org.civic311.simulators.cityworks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One call to a Cityworks service method: its data, who made it, and what it adds to the envelope. */
final class Call {

    final String service;
    final DataParameter data;
    /** The login behind the token; null for the methods that need none. */
    final String login;

    private final List<Map<String, Object>> warnings = new ArrayList<>();
    private boolean verified;
    private String webServiceRequestId;

    Call(String service, DataParameter data, String login) {
        this.service = service;
        this.data = data;
        this.login = login;
    }

    void warn(MessageCode code, String displayText) {
        warnings.add(Envelope.warning(code, displayText, service));
    }

    /** "Verified" methods (WorkOrder/Create) echo the caller's WebServiceRequestId in the envelope. */
    void verified(String webServiceRequestId) {
        this.verified = true;
        this.webServiceRequestId = webServiceRequestId;
    }

    List<Map<String, Object>> warnings() {
        return warnings;
    }

    boolean isVerified() {
        return verified;
    }

    String webServiceRequestId() {
        return webServiceRequestId;
    }
}
