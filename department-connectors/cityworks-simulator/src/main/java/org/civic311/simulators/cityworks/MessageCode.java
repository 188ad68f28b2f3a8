package org.civic311.simulators.cityworks;

/** The Cityworks message codes the simulator answers with (cw-sdk ServiceRequest/WorkOrder ErrorCodes). */
enum MessageCode {

    UNKNOWN_ERROR(1, "UnknownError"),
    WORK_ORDER_ID_IS_REQUIRED(12, "WorkOrderIdIsRequired"),
    INVALID_FIELD(30, "InvalidField"),
    ERROR_STATUS_CANT_BE_CLOSED(31, "ErrorStatusCantBeClosed"),
    ERROR_STATUS_CANT_BE_CANCELED(32, "ErrorStatusCantBeCanceled"),
    ERROR_REQUIRED_FIELDS(33, "ErrorRequiredFields"),
    ERROR_ITEM_NOT_FOUND(35, "ErrorItemNotFound"),
    WARNING_ITEM_NOT_FOUND(60, "WarningItemNotFound"),
    // No message code is documented for these two; the item mirrors the CoreResponseStatus value
    // so that a failure never comes with an empty ErrorMessages list.
    UNAUTHORIZED(2, "Unauthorized"),
    INVALID_CREDENTIALS(3, "InvalidCredentials");

    final int code;
    final String codeName;

    MessageCode(int code, String codeName) {
        this.code = code;
        this.codeName = codeName;
    }
}
