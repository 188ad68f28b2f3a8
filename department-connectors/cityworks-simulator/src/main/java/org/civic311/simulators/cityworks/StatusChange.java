package org.civic311.simulators.cityworks;

import java.util.Locale;

/**
 * What Update refuses when it sets a Status: cw-sdk lists 31 ErrorStatusCantBeClosed and 32
 * ErrorStatusCantBeCanceled for Update (not for Close or Cancel). The simulator raises them when an Update would
 * move a canceled item to the closed code, or a closed one to the canceled code.
 */
final class StatusChange {

    static final String CLOSED = "CLOSED";
    static final String CANCELED = "CANCEL";

    private StatusChange() {
    }

    static void check(String item, boolean closed, boolean canceled, String newStatus) {
        String status = newStatus.strip().toUpperCase(Locale.ROOT);
        if (canceled && status.equals(CLOSED)) {
            throw CityworksFault.error(MessageCode.ERROR_STATUS_CANT_BE_CLOSED, item + " is canceled and cannot be closed.");
        }
        if (closed && status.equals(CANCELED)) {
            throw CityworksFault.error(MessageCode.ERROR_STATUS_CANT_BE_CANCELED, item + " is closed and cannot be canceled.");
        }
    }
}
