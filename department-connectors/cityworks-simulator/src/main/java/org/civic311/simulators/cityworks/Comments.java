package org.civic311.simulators.cityworks;

import java.util.ArrayList;
import java.util.List;

import org.civic311.simulators.kit.SimulatorClock;

/** The simulated comment table. Not thread-safe: callers hold the simulator's lock. */
final class Comments {

    private final List<StoredComment> all = new ArrayList<>();
    private final SimulatorClock clock;
    private long lastCommentId;

    Comments(SimulatorClock clock) {
        this.clock = clock;
    }

    StoredComment add(ActivityType type, long activitySid, String text, String author) {
        StoredComment comment = new StoredComment(++lastCommentId, type, activitySid, text, author, clock.now());
        all.add(comment);
        return comment;
    }

    /** Oldest first. */
    List<StoredComment> on(ActivityType type, long activitySid) {
        return all.stream().filter(c -> c.activityType() == type && c.activitySid() == activitySid).toList();
    }

    List<String> textsOn(ActivityType type, long activitySid) {
        return on(type, activitySid).stream().map(StoredComment::comments).toList();
    }

    void clear() {
        all.clear();
    }
}
