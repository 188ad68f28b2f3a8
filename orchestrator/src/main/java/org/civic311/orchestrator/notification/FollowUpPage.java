package org.civic311.orchestrator.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public page the follow-up email links to, in the resident's language: the question and two buttons. Only the
 * button (a POST) records an answer: mail scanners open every link in a message, and opening it must change nothing.
 * The link's token, unguessable and one per question, is the only key.
 */
@RestController
class FollowUpPage {

    static final String PATH = "/follow-up/";
    private static final Set<String> ANSWERS = Set.of("yes", "no");
    /** The rating is optional: 1 to 5 stars. */
    private static final Set<String> STARS = Set.of("1", "2", "3", "4", "5");

    private final FollowUps followUps;
    private final FollowUpQuestions questions;
    private final ServiceRequests requests;
    private final ResidentNotices notices;
    private final NoticeTemplates templates;
    private final NotificationProperties settings;

    FollowUpPage(FollowUps followUps, FollowUpQuestions questions, ServiceRequests requests, ResidentNotices notices,
                 NoticeTemplates templates, NotificationProperties settings) {
        this.followUps = followUps;
        this.questions = questions;
        this.requests = requests;
        this.notices = notices;
        this.templates = templates;
        this.settings = settings;
    }

    static String link(URI publicUrl, String token) {
        return publicUrl.resolve(PATH + token).toString();
    }

    @GetMapping(PATH + "{token}")
    ResponseEntity<String> question(@PathVariable String token) {
        return followUps.byToken(token)
                .map(q -> page(HttpStatus.OK, q, q.answer() == null ? "ask" : "answered"))
                .orElseGet(this::unknown);
    }

    @PostMapping(path = PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String answer,
                                  @RequestParam(required = false) String rating) {
        Optional<FollowUps.FollowUp> found = followUps.byToken(token);
        if (found.isEmpty()) {
            return unknown();
        }
        FollowUps.FollowUp question = found.get();
        boolean rated = rating != null && !rating.isBlank();
        if (!ANSWERS.contains(String.valueOf(answer)) || rated && !STARS.contains(rating.strip())) {
            return page(HttpStatus.BAD_REQUEST, question, "invalid");
        }
        boolean fixed = "yes".equals(answer);
        String state = switch (questions.answer(question, fixed, rated ? Integer.valueOf(rating.strip()) : null,
                Channel.EMAIL)) {
            case ALREADY_ANSWERED -> "answered";
            case KEPT -> "thanks";
            case SENT_BACK -> "reopened";
        };
        return page(HttpStatus.OK, question, state);
    }

    private ResponseEntity<String> page(HttpStatus status, FollowUps.FollowUp question, String state) {
        ServiceRequest request = requests.get(question.requestId());
        Map<String, Object> model = new HashMap<>();
        // A wrong answer shows the question again, saying so.
        model.put("state", "invalid".equals(state) ? "ask" : state);
        model.put("invalid", "invalid".equals(state));
        model.put("trackingNumber", request.trackingNumber());
        model.put("serviceName", request.serviceName());
        model.put("address", request.address());
        model.put("cityName", settings.cityName());
        model.put("action", PATH + question.token());
        Locale language = notices.languageOf(request.id());
        return html(status, templates.render("page/follow-up.html", language, model));
    }

    private ResponseEntity<String> unknown() {
        Map<String, Object> model = new HashMap<>();
        model.put("state", "unknown");
        model.put("cityName", settings.cityName());
        return html(HttpStatus.NOT_FOUND, templates.render("page/follow-up.html",
                Locale.forLanguageTag(settings.defaultLanguage()), model));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(body);
    }
}
