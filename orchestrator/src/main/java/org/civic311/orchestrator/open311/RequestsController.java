package org.civic311.orchestrator.open311;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open311 GeoReport v2: submitting requests and following them. */
@RestController
@RequestMapping("/open311/v2")
class RequestsController {

    private final RequestSubmission submission;
    private final FollowSubmission follows;
    private final RequestViews views;

    RequestsController(RequestSubmission submission, FollowSubmission follows, RequestViews views) {
        this.submission = submission;
        this.follows = follows;
        this.views = views;
    }

    // Any body the servlet container reads as parameters will do: FixMyStreet sends multipart when it has photos.
    @PostMapping({"/requests.json", "/requests.xml"})
    ResponseEntity<Open311Body> submit(@RequestParam MultiValueMap<String, String> form,
                                       @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key,
                                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                       String acceptLanguage,
                                       Format format) {
        return format.ok(submission.submit(form, key, acceptLanguage));
    }

    /** Extension: follow an open request instead of reporting its problem again. */
    @PostMapping({"/requests/{id}/followers.json", "/requests/{id}/followers.xml"})
    ResponseEntity<Open311Body> follow(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                       String acceptLanguage,
                                       Format format) {
        return format.ok(follows.follow(id, form, acceptLanguage));
    }

    @GetMapping({"/requests.json", "/requests.xml"})
    ResponseEntity<Open311Body> search(@RequestParam MultiValueMap<String, String> arguments, Format format) {
        return format.ok(views.search(arguments));
    }

    @GetMapping({"/requests/{id}.json", "/requests/{id}.xml"})
    ResponseEntity<Open311Body> one(@PathVariable String id, @RequestParam MultiValueMap<String, String> arguments,
                                    Format format) {
        return format.ok(views.one(id, arguments));
    }

    @GetMapping({"/tokens/{token}.json", "/tokens/{token}.xml"})
    ResponseEntity<Open311Body> token(@PathVariable String token, Format format) {
        return format.ok(views.token(token));
    }
}
