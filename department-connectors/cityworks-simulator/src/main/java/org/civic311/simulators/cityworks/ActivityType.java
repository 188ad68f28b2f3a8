package org.civic311.simulators.cityworks;

import java.util.Arrays;
import java.util.Optional;

/** What a comment hangs on (cw-sdk CommentActivityType); the simulator keeps the two a 311 integration uses. */
enum ActivityType {

    REQUEST(1),
    WORK_ORDER(2);

    final int code;

    ActivityType(int code) {
        this.code = code;
    }

    static Optional<ActivityType> of(long code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
