package org.civic311.orchestrator.notification;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Was it fixed?": asks the resident after a closure, and takes their answer from the page or a text. The first
 * answer stands; a NO is published as {@link ResidentAnswered} so the work goes back to the department.
 */
@Service
public class FollowUpQuestions {

    private final FollowUps followUps;
    private final ResidentNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpQuestions(FollowUps followUps, ResidentNotices notices, ApplicationEventPublisher events, Clock clock) {
        this.followUps = followUps;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Asks the resident whether the {@code round}th closure of their request fixed it. */
    @Transactional
    public void ask(long requestId, int round) {
        FollowUps.FollowUp question = followUps.ask(requestId, round, clock.instant());
        notices.followUp(requestId, round, question.token());
    }

    /** @return whether this answer was taken (false: the question had its answer already) */
    @Transactional
    boolean answer(FollowUps.FollowUp question, boolean fixed, Integer rating, Channel by) {
        if (!followUps.answer(question.id(), fixed, rating, by, clock.instant())) {
            return false;
        }
        events.publishEvent(new ResidentAnswered(question.requestId(), question.round(), fixed));
        return true;
    }
}
