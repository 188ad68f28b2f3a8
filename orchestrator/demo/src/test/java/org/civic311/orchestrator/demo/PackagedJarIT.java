package org.civic311.orchestrator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic311.orchestrator.demo.DemoInstallation.freePort;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged demo jar, started the way README tells a newcomer to start the demo: BPMN and DRL files must be
 * found inside the fat jar (this has broken both engines before), and the README's walk through the loop
 * (report, read the department's mail, reply DONE, read the resident's mail) must work as written.
 */
class PackagedJarIT {

    static Process app;
    static Path log;
    static int http;
    static int smtp;
    static int imap;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheDemo() throws Exception {
        http = freePort();
        smtp = freePort();
        imap = freePort();
        log = Files.createTempFile("civic311-demo", ".log");
        app = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("civic311.demo.jar"),
                "--server.port=" + http,
                "--civic311.demo.mail-server.smtp-port=" + smtp,
                "--civic311.demo.mail-server.imap-port=" + imap)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(java.net.ConnectException.class).until(() -> {
            assertThat(app.isAlive()).as("the demo is running; its log: " + log).isTrue();
            return get("/open311/v2/services.json", null).statusCode() == 200;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void theProcessesAndRulesInsideTheJarAreDeployedAndTheEngineApiAsksWhoYouAre() throws Exception {
        assertThat(get("/open311/v2/services.json", null).body()).contains("\"service_code\":\"pothole\"");

        assertThat(get("/engine-rest/process-definition/key/pothole", null).statusCode()).isEqualTo(401);
        HttpResponse<String> definition = get("/engine-rest/process-definition/key/pothole", "demo:demo");
        assertThat(definition.statusCode()).isEqualTo(200);
        assertThat(definition.body()).contains("\"key\":\"pothole\"");
        assertThat(get("/engine-rest/process-definition/key/department-work", "demo:demo").statusCode()).isEqualTo(200);
    }

    @Test
    void theReadmeWalkThroughClosesTheLoop() throws Exception {
        String form = Map.of("api_key", "demo-web", "service_code", "pothole", "lat", "41.8837", "long", "-87.6324",
                        "address_string", "121 N LaSalle St", "description", "Deep pothole", "attribute[hazard]", "yes",
                        "email", "resident@example.org", "first_name", "Jane").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("SR-\\d{4}-\\d{6}").matcher(created.body());
        assertThat(id.find()).isTrue();
        String trackingNumber = id.group();

        DemoMailbox streets = new DemoMailbox("streets@demo.civic311.local", smtp, imap);
        String subject = await().atMost(Duration.ofSeconds(60)).until(() -> streets.inbox().stream()
                .map(DemoMailbox.Mail::subject).filter(s -> s.contains(trackingNumber)).findFirst().orElse(null),
                found -> found != null);

        streets.send("civic311@demo.civic311.local", "Re: " + subject, "DONE Filled it this morning.");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/open311/v2/requests/" + trackingNumber + ".json", null).body())
                        .contains("\"status\":\"closed\"").contains("Filled it this morning."));
        DemoMailbox resident = new DemoMailbox("resident@example.org", smtp, imap);
        await().atMost(Duration.ofSeconds(60)).until(() -> resident.inbox().stream()
                .anyMatch(m -> m.subject().contains(trackingNumber) && m.subject().contains("closed")));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static HttpResponse<String> get(String path, String basicAuth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes()));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http + path);
    }

    static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
