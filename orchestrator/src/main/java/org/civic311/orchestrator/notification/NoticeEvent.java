package org.civic311.orchestrator.notification;

/**
 * What a resident is told about, each with its templates: {@code email/<template>.html}, {@code email/<template>.txt},
 * {@code sms/<template>.txt} and the sentences {@code <template>.*} of each language.
 */
public enum NoticeEvent {
    /** The tracking number, what happens next and by when. */
    RECEIVED("received"),
    /** Another department does the work now. */
    REROUTED("rerouted"),
    /** The work is due on another day. */
    DUE_DATE_MOVED("due-date-moved"),
    /** The department's resolution. */
    CLOSED("closed"),
    /** "Was it fixed?" */
    FOLLOW_UP("follow-up"),
    /** The resident said it was not fixed: the department works on it again. */
    REOPENED("reopened"),
    /** The report was joined to an earlier report of the same problem, which it follows now. */
    LINKED("linked");

    private final String template;

    NoticeEvent(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
