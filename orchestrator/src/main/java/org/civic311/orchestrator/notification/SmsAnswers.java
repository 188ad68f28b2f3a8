package org.civic311.orchestrator.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civic311.orchestrator.sms.InboundSms;
import org.civic311.orchestrator.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A resident's text: YES or NO answers the open "was it fixed?" question to their number (in English or their
 * language); anything else, or a text from a number with no open question, changes nothing and gets a short help
 * reply.
 */
@Component
class SmsAnswers {

    private static final Logger log = LoggerFactory.getLogger(SmsAnswers.class);
    private static final Set<String> YES = Set.of("YES", "Y", "SI", "SÍ", "是", "是的", "修好了");
    private static final Set<String> NO = Set.of("NO", "N", "否", "不", "不是", "没有", "沒有");

    private final FollowUps followUps;
    private final FollowUpQuestions questions;
    private final ResidentNotices notices;
    private final NoticeTemplates templates;
    private final NotificationProperties settings;
    private final ObjectProvider<SmsSender> sms;

    SmsAnswers(FollowUps followUps, FollowUpQuestions questions, ResidentNotices notices, NoticeTemplates templates,
               NotificationProperties settings, ObjectProvider<SmsSender> sms) {
        this.followUps = followUps;
        this.questions = questions;
        this.notices = notices;
        this.templates = templates;
        this.settings = settings;
        this.sms = sms;
    }

    @EventListener
    void on(InboundSms text) {
        Optional<FollowUps.FollowUp> open = followUps.openQuestionTo(text.from());
        String word = text.body() == null ? "" : text.body().strip()
                // A reply copied with the question's quotation marks, or ended with punctuation, is still an answer.
                .replaceAll("^[\"'“”「」『』]+|[\"'“”「」『』.!?。！？，,]+$", "").toUpperCase(Locale.ROOT);
        boolean yes = YES.contains(word);
        if (open.isPresent() && (yes || NO.contains(word))) {
            questions.answer(open.get(), yes, null, Channel.SMS);
            return;
        }
        Locale language = open.map(q -> notices.languageOf(q.requestId()))
                .orElse(Locale.forLanguageTag(settings.defaultLanguage()));
        SmsSender sender = sms.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sender.send(text.from(), templates.render("sms/help.txt", language,
                    Map.of("cityName", settings.cityName())));
        } catch (RuntimeException e) {
            // A help reply is a courtesy: it is not retried, and the number stays out of the log.
            log.warn("The help reply to an inbound text could not be sent ({})", e.getClass().getSimpleName());
        }
    }
}
