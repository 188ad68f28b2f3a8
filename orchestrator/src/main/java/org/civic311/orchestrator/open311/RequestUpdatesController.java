package org.civic311.orchestrator.open311;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** FixMyStreet's servicerequestupdates extension to GeoReport v2. */
@RestController
@RequestMapping("/open311/v2")
class RequestUpdatesController {

    private final RequestUpdates updates;

    RequestUpdatesController(RequestUpdates updates) {
        this.updates = updates;
    }

    @GetMapping({"/servicerequestupdates.json", "/servicerequestupdates.xml"})
    ResponseEntity<Open311Body> list(@RequestParam MultiValueMap<String, String> arguments, Format format) {
        return format.ok(updates.list(arguments));
    }

    @PostMapping({"/servicerequestupdates.json", "/servicerequestupdates.xml"})
    ResponseEntity<Open311Body> post(@RequestParam MultiValueMap<String, String> form, Format format) {
        return format.ok(updates.post(form));
    }
}
