package org.civic311.orchestrator.notification;

import java.time.Clock;
import java.time.Instant;

import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Was it fixed?": planned at each closure that reaches a resident, asked {@code civic311.notifications.follow-up-delay}
 * later, answered from the page or by text. The first answer stands; a NO within the answer window is published as
 * {@link ResidentSaysNotFixed} so the work goes back to the department.
 * The questions wait in the {@code follow_up} table, not in the process engine: a city's closed requests of the last
 * weeks are all waiting for one, and the engine keeps only work in progress.
 */
@Service
public class FollowUpQuestions implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FollowUpQuestions.class);
    private static final int BATCH = 100;

    private final FollowUps followUps;
    private final ResidentNotices notices;
    private final ServiceRequests requests;
    private final NotificationProperties settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpQuestions(FollowUps followUps, ResidentNotices notices, ServiceRequests requests,
                      NotificationProperties settings, TransactionTemplate transaction,
                      ApplicationEventPublisher events, Clock clock) {
        this.followUps = followUps;
        this.notices = notices;
        this.requests = requests;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Plans the question whether the {@code round}th closure of the request, the work of that task, fixed it. */
    @Transactional
    public void plan(long requestId, int round, long departmentTaskId) {
        followUps.plan(requestId, round, departmentTaskId, clock.instant().plus(settings.followUpDelay()));
    }

    /** Due questions are looked for as often as due notices are sent, on every node. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::askDue, settings.sendInterval());
    }

    /**
     * Asks the questions that are due, each in a transaction with its notice: once, by whichever node marks it asked
     * first. A question that cannot be asked is logged and tried again next time, the others go on.
     */
    void askDue() {
        Instant now = clock.instant();
        for (FollowUps.FollowUp question : followUps.due(now, BATCH)) {
            try {
                transaction.executeWithoutResult(status -> {
                    if (followUps.asked(question.id(), now)) {
                        notices.followUp(question.requestId(), question.round(), question.token());
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not ask \"was it fixed?\" of request {} (round {}); trying again", question.requestId(),
                        question.round(), e);
            }
        }
    }

    /** What became of an answer. */
    enum Answer {
        /** The question had its answer already: the first one stands. */
        ALREADY_ANSWERED,
        /** Kept for reporting: a YES, or a NO after the answer window. */
        KEPT,
        /** A NO while the question was open: the department gets the work again. */
        SENT_BACK
    }

    @Transactional
    Answer answer(FollowUps.FollowUp question, boolean fixed, Integer rating, Channel by) {
        Instant now = clock.instant();
        if (!followUps.answer(question.id(), fixed, rating, by, now)) {
            return Answer.ALREADY_ANSWERED;
        }
        if (fixed || !question.askedAt().plus(settings.answerWindow()).isAfter(now)
                || question.departmentTaskId() == null) {
            return Answer.KEPT;
        }
        events.publishEvent(new ResidentSaysNotFixed(question.requestId(),
                requests.get(question.requestId()).trackingNumber(), question.round(), question.departmentTaskId()));
        return Answer.SENT_BACK;
    }
}
