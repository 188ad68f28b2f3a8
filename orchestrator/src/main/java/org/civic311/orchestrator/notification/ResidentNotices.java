package org.civic311.orchestrator.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civic311.orchestrator.request.Follower;
import org.civic311.orchestrator.request.Followers;
import org.civic311.orchestrator.request.NoticePreferences;
import org.civic311.orchestrator.request.NotifyBy;
import org.civic311.orchestrator.request.Resident;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a resident is told about their request, in their language and on the channels they chose, as stored
 * notices that {@link NoticeSender} sends. Each event occurrence is written once per channel, however often it is
 * reported: a completion that arrives twice or a job that runs again finds the notice already there.
 */
@Service
public class ResidentNotices {

    private static final Logger log = LoggerFactory.getLogger(ResidentNotices.class);
    /** How much of the department's words a closure text quotes: the text stays within two segments. */
    private static final int SMS_QUOTE = 50;

    private final ServiceRequests requests;
    private final Followers followers;
    private final Notices notices;
    private final NoticeTemplates templates;
    private final NoticeLanguages languages;
    private final ObjectProvider<SmsSender> sms;
    private final NotificationProperties settings;
    private final ZoneId zone;
    private final Clock clock;

    ResidentNotices(ServiceRequests requests, Followers followers, Notices notices, NoticeTemplates templates, NoticeLanguages languages,
                    ObjectProvider<SmsSender> sms, NotificationProperties settings,
                    @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.requests = requests;
        this.followers = followers;
        this.notices = notices;
        this.templates = templates;
        this.languages = languages;
        this.sms = sms;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
    }

    /** The tracking number, what happens next and the expected date. */
    @Transactional
    public void received(long requestId) {
        record(requestId, NoticeEvent.RECEIVED, null, Map.of());
    }

    /**
     * The department's resolution, after the request's {@code round}th closure (1 for the first): to its resident,
     * to the reporters of its duplicates (which closed with it) and to the followers of each, once per address or
     * number however many of the reports it made or follows, each on their own channel and in their own language.
     */
    @Transactional
    public void closed(long requestId, int round) {
        Set<String> told = new HashSet<>();
        List<Long> reports = new ArrayList<>();
        reports.add(requestId);
        reports.addAll(requests.duplicatesOf(requestId));
        for (long report : reports) {
            String resolution = requests.closingNote(report).orElse("");
            Map<String, Object> words = Map.of("resolution", resolution, "resolutionShort", shortened(resolution));
            record(report, NoticeEvent.CLOSED, Integer.toString(round), words, told);
            for (Follower follower : followers.of(report)) {
                tellFollower(follower, NoticeEvent.CLOSED, Integer.toString(round), words, told);
            }
        }
    }

    /** The report was joined to an earlier report of the same problem, which it follows now. */
    @Transactional
    public void linked(long requestId, long parentId) {
        String parent = requests.get(parentId).trackingNumber();
        // Once per parent: a report linked elsewhere later hears of that too.
        record(requestId, NoticeEvent.LINKED, parent, Map.of("linkedTrackingNumber", parent));
    }

    /** Another department does the work now. */
    @Transactional
    public void rerouted(long requestId) {
        ServiceRequest request = requests.get(requestId);
        changed(requestId, NoticeEvent.REROUTED, request.department())
                .ifPresent(occurrence -> record(requestId, NoticeEvent.REROUTED, occurrence, Map.of()));
    }

    /** The work is due on another day. */
    @Transactional
    public void dueDateMoved(long requestId, Instant newDue) {
        changed(requestId, NoticeEvent.DUE_DATE_MOVED, Long.toString(newDue.getEpochSecond()))
                .ifPresent(occurrence -> record(requestId, NoticeEvent.DUE_DATE_MOVED, occurrence,
                        Map.of("newDue", newDue)));
    }

    /**
     * The occurrence of a change to tell: once per change, even back to a department or date the request had before,
     * but not again when the last change told was this one (the same change reported twice).
     */
    private Optional<String> changed(long requestId, NoticeEvent event, String to) {
        List<String> told = notices.occurrences(requestId, event.template());
        if (!told.isEmpty() && told.get(told.size() - 1).startsWith(to + "@")) {
            return Optional.empty();
        }
        return Optional.of(to + "@" + (told.size() + 1));
    }

    /** "Was it fixed?", with the link to the answer page. */
    @Transactional
    public void followUp(long requestId, int round, String token) {
        record(requestId, NoticeEvent.FOLLOW_UP, Integer.toString(round),
                Map.of("answerUrl", FollowUpPage.link(settings.publicUrl(), token)));
    }

    /** The resident said it was not fixed: the department works on it again. */
    @Transactional
    public void reopened(long requestId, int round) {
        record(requestId, NoticeEvent.REOPENED, Integer.toString(round), Map.of());
    }

    /** Whether notices of this request reach anyone: an anonymous or silent request is asked nothing. */
    public boolean reachesSomeone(long requestId) {
        ServiceRequest request = requests.get(requestId);
        NotifyBy by = notifyBy(request, request.notices());
        return by.byEmail() && present(request.resident().email()) || by.bySms() && present(request.resident().phone());
    }

    /** Every notice of a request, for staff: what was sent, what failed and why (never to whom). */
    public List<NoticeRecord> of(long requestId) {
        return notices.ofRequest(requestId);
    }

    /** The language the resident of a request reads. */
    public Locale languageOf(long requestId) {
        return Locale.forLanguageTag(languageTag(requests.noticePreferences(requestId)));
    }

    private void record(long requestId, NoticeEvent event, String occurrence, Map<String, Object> extra) {
        record(requestId, event, occurrence, extra, new HashSet<>());
    }

    /** @param told the channels and addresses told of this occurrence already: they are not told again */
    private void record(long requestId, NoticeEvent event, String occurrence, Map<String, Object> extra,
                        Set<String> told) {
        ServiceRequest request = requests.get(requestId);
        NoticePreferences preferences = request.notices();
        Resident resident = request.resident();
        String eventKey = occurrence == null ? event.template() : event.template() + "#" + occurrence;
        tell(request, event, eventKey, notifyBy(request, preferences), languageTag(preferences), resident.email(),
                resident.phone(), extra, told);
    }

    private void tellFollower(Follower follower, NoticeEvent event, String occurrence, Map<String, Object> extra,
                              Set<String> told) {
        ServiceRequest request = requests.get(follower.requestId());
        String eventKey = event.template() + "#" + occurrence + "@follower-" + follower.id();
        tell(request, event, eventKey, follower.notifyBy(),
                follower.language() == null ? languages.defaultLanguage() : follower.language(), follower.email(),
                follower.phone(), extra, told);
    }

    private void tell(ServiceRequest request, NoticeEvent event, String eventKey, NotifyBy by, String language,
                      String email, String phone, Map<String, Object> extra, Set<String> told) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> model = model(request, locale, extra);
        if (by.byEmail() && present(email) && told.add("email:" + email.strip().toLowerCase(Locale.ROOT))) {
            store(request, event, eventKey, Channel.EMAIL, language, email, locale, model);
        }
        if (by.bySms() && present(phone) && told.add("sms:" + phone.strip())) {
            store(request, event, eventKey, Channel.SMS, language, phone, locale, model);
        }
    }

    private void store(ServiceRequest request, NoticeEvent event, String eventKey, Channel channel, String language,
                       String recipient, Locale locale, Map<String, Object> model) {
        Instant now = clock.instant();
        String subject = null;
        String text;
        String html = null;
        try {
            if (channel == Channel.EMAIL) {
                subject = templates.message(event.template() + ".subject", locale, request.trackingNumber());
                text = templates.render("email/" + event.template() + ".txt", locale, model);
                html = templates.render("email/" + event.template() + ".html", locale, model);
            } else {
                text = templates.render("sms/" + event.template() + ".txt", locale, model);
            }
        } catch (RuntimeException e) {
            // A broken template must not lose the event that needed it, nor hide that nobody was told.
            log.error("The {} {} notice of {} could not be written from its templates", event.template(), channel,
                    request.trackingNumber(), e);
            notices.add(request.id(), event.template(), eventKey, channel, language, recipient, subject, null, null,
                    NoticeStatus.FAILED, "The templates could not be rendered: " + e.getMessage(), now);
            return;
        }
        boolean sendable = channel == Channel.EMAIL || sms.getIfAvailable() != null;
        notices.add(request.id(), event.template(), eventKey, channel, language, recipient, subject, text, html,
                sendable ? NoticeStatus.PENDING : NoticeStatus.UNSENDABLE,
                sendable ? null : NoticeSender.NO_SMS_PROVIDER, now);
    }

    private Map<String, Object> model(ServiceRequest request, Locale locale, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingNumber", request.trackingNumber());
        model.put("serviceName", request.serviceName());
        model.put("address", request.address());
        model.put("department", request.agencyResponsible());
        model.put("firstName", request.resident().firstName());
        model.put("cityName", settings.cityName());
        if (request.expectedAt() != null) {
            model.put("expected", date(request.expectedAt(), FormatStyle.FULL, locale));
            model.put("expectedShort", date(request.expectedAt(), FormatStyle.MEDIUM, locale));
        }
        extra.forEach((name, value) -> {
            if (value instanceof Instant at) {
                model.put(name, date(at, FormatStyle.FULL, locale));
                model.put(name + "Short", date(at, FormatStyle.MEDIUM, locale));
            } else {
                model.put(name, value);
            }
        });
        return model;
    }

    /** The start of a department's words, for a text that must stay short. */
    private static String shortened(String words) {
        String oneLine = words.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= SMS_QUOTE) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, SMS_QUOTE - 1)).strip() + "…";
    }

    private String date(Instant at, FormatStyle style, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(style).withLocale(locale).format(at.atZone(zone));
    }

    private String languageTag(NoticePreferences preferences) {
        return preferences.language() == null ? languages.defaultLanguage() : preferences.language();
    }

    private static NotifyBy notifyBy(ServiceRequest request, NoticePreferences preferences) {
        return preferences.notifyBy() == null ? NotifyBy.defaultFor(request.resident()) : preferences.notifyBy();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
