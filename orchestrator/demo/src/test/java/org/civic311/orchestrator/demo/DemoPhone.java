package org.civic311.orchestrator.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A resident's phone on the demo's Twilio simulator: the texts sent to it, and texting the city's number back. */
record DemoPhone(TestRestTemplate http, String number) {

    static final String ACCOUNT = "AC00000000000000000000000000000000";
    static final String CITY_NUMBER = "+12025550100";

    /** The account's message list to this number, newest first, as Twilio's API gives it (HTTP Basic: SID and token). */
    ResponseEntity<String> textsReceived() {
        return http.withBasicAuth(ACCOUNT, "demo").getForEntity(URI.create(http.getRootUri() + "/sim/twilio/2010-04-01/Accounts/"
                + ACCOUNT + "/Messages.json?To=" + URLEncoder.encode(number, StandardCharsets.UTF_8)), String.class);
    }

    /** The resident texts the city's number; the simulator answers with what it kept and how Civic311's webhook answered. */
    ResponseEntity<String> textTheCity(String body) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("From", number);
        form.add("To", CITY_NUMBER);
        form.add("Body", body);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity("/sim/twilio/inbound", new HttpEntity<>(form, headers), String.class);
    }
}
