package org.civic311.orchestrator.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.civic311.orchestrator.E2eMailServer;
import org.civic311.orchestrator.Inbox;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

/**
 * A report with coordinates is stored with its service area and routed by the area rules; one with only an address
 * has no area and is routed by the rules that need none. Over HTTP, with the demo's wards and parks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic311.service-areas.file=file:demo/src/main/resources/service-areas/demo-areas.geojson",
        "civic311.departments.parks.name=Parks Department",
        "civic311.departments.urban-forestry.name=Urban Forestry",
        "civic311.connectors.email.departments.parks.address=" + ServiceAreaRoutingTest.PARKS})
@ActiveProfiles("e2e")
@DirtiesContext
class ServiceAreaRoutingTest {

    static final String PARKS = "parks@test.civic311.local";

    static final GreenMail MAIL = E2eMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        E2eMailServer.use(MAIL, registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ServiceRequests requests;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDamagedTreeReportedInGrantParkIsStoredInTheParkAndGoesToParks() throws Exception {
        MultiValueMap<String, String> form = tree();
        form.add("lat", "41.8760");
        form.add("long", "-87.6190");

        String id = submitted(form);

        ServiceRequest stored = requests.find(id).orElseThrow();
        assertThat(stored.area()).isEqualTo("Grant Park");
        assertThat(stored.department()).isEqualTo("parks");
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.of(MAIL, PARKS).size() == 1);
        MimeMessage work = Inbox.of(MAIL, PARKS).get(0);
        assertThat(work.getSubject()).contains(id);
        assertThat(GreenMailUtil.getBody(work)).contains("Limb hanging over the path");

        JsonNode staffView = json.readTree(http.withBasicAuth("e2eadmin", "e2e-admin-password")
                .getForObject("/staff/api/requests/{id}", String.class, id));
        assertThat(staffView.get("area").asText()).isEqualTo("Grant Park");
        assertThat(staffView.get("department").asText()).isEqualTo("parks");
        // Open311 has no field for it, and the public answer names no area.
        assertThat(http.getForObject("/open311/v2/requests/{id}.json", String.class, id)).doesNotContain("Grant Park");
    }

    @Test
    void aDamagedTreeReportedByAddressOnlyHasNoAreaAndGoesToUrbanForestry() throws Exception {
        MultiValueMap<String, String> form = tree();
        form.add("address_string", "Grant Park, 337 E Randolph St");

        String id = submitted(form);

        ServiceRequest stored = requests.find(id).orElseThrow();
        assertThat(stored.area()).isNull();
        assertThat(stored.department()).isEqualTo("urban-forestry");
    }

    private static MultiValueMap<String, String> tree() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "test-web-key");
        form.add("service_code", "damaged_tree");
        form.add("description", "Limb hanging over the path");
        form.add("attribute[blocking]", "no");
        return form;
    }

    private String submitted(MultiValueMap<String, String> form) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).get(0).get("service_request_id").asText();
    }
}
