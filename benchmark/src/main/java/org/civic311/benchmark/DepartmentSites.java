package org.civic311.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The departments: the demo jar in a JVM of its own hosting the Cityworks and Accela simulators, the mail server and
 * the staff who answer work emails, each finishing a piece of work a set time after it arrived. Its own orchestration
 * idles (the demo's in-memory database, no job executor, no polling), and Civic311 under load uses these sites: the
 * mail server keeps every message in memory, which a run of thousands of requests must not count against Civic311's
 * heap. Asked through the simulators' public APIs what was created there.
 */
final class DepartmentSites implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    final int port;
    final int smtp;
    final int imap;
    private final Process app;
    private final String base;
    final ResidentsInbox residents;

    /**
     * @param civic311 the port of the Civic311 node Cityworks' webhook and Twilio's inbound texts go to
     */
    DepartmentSites(Options options, Path workDirectory, String name, int civic311) throws Exception {
        this.port = DemoJar.freePort();
        this.smtp = DemoJar.freePort();
        this.imap = DemoJar.freePort();
        this.base = "http://127.0.0.1:" + port + "/sim";
        String after = options.finishAfter().toMillis() + "ms";
        String civic311Url = "http://127.0.0.1:" + civic311;
        Path log = workDirectory.resolve(name + ".log");
        this.app = DemoJar.start(options.jar(), List.of("-Xmx4g"), List.of(
                "--server.port=" + port,
                "--civic311.demo.mail-server.smtp-port=" + smtp,
                "--civic311.demo.mail-server.imap-port=" + imap,
                "--civic311.simulators.cityworks.staff-finish-after=" + after,
                "--civic311.simulators.accela.staff-finish-after=" + after,
                "--civic311.demo.mail-server.staff.finish-after=" + after,
                // The demo's mail server slows with the square of a folder's size; a reply Civic311 has not read by then
                // is archived unread, and its request never closes (the run fails rather than miscounts)
                "--civic311.demo.mail-server.staff.archive-replies-after=10m",
                // Counting what reached Cityworks is one search
                "--civic311.simulators.cityworks.search-cap=10000000",
                "--civic311.simulators.cityworks.webhook.url=" + civic311Url + "/webhooks/cityworks",
                "--civic311.simulators.twilio.sms-url=" + civic311Url + "/webhooks/twilio/sms",
                "--camunda.bpm.job-execution.enabled=false",
                "--civic311.dispatch.poll-interval=24h",
                "--logging.level.root=warn"), log);
        DemoJar.awaitUp(app, port, log);
        this.residents = new ResidentsInbox(Civic311UnderLoad.RESIDENT, imap);
    }

    /** The settings a Civic311 node needs to use these sites instead of its own. */
    List<String> settingsOfANodeUsingThem() {
        return List.of("--civic311.demo.mail-server.enabled=false",
                "--civic311.demo.mail-server.smtp-port=" + smtp,
                "--civic311.demo.mail-server.imap-port=" + imap,
                "--civic311.simulators.cityworks.enabled=false", "--civic311.simulators.accela.enabled=false",
                "--civic311.simulators.twilio.enabled=false",
                "--civic311.connectors.cityworks.base-url=" + base + "/cityworks",
                "--civic311.connectors.accela.auth-url=" + base + "/accela",
                "--civic311.connectors.accela.api-url=" + base + "/accela",
                "--civic311.sms.twilio.base-url=" + base + "/twilio");
    }

    long cityworksServiceRequests() throws IOException, InterruptedException {
        String services = base + "/cityworks/Services/";
        JsonNode login = form(services + "General/Authentication/Authenticate",
                "data=" + encode("{\"LoginName\":\"demo\",\"Password\":\"demo\"}"));
        String token = login.path("Value").path("Token").asText();
        JsonNode found = form(services + "Ams/ServiceRequest/Search",
                "token=" + encode(token) + "&data=" + encode("{\"MaxResults\":10000000}"));
        return found.path("Value").size();
    }

    long accelaRecords() throws IOException, InterruptedException {
        JsonNode token = json.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/accela/oauth2/token"))
                .header("x-accela-appid", "demo").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo&client_secret=demo"
                        + "&username=demo&password=demo&scope=records&agency_name=CIVIC311&environment=TEST")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode page = json.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/accela/v4/records?limit=1"))
                .header("Authorization", token.path("access_token").asText()).header("x-accela-appid", "demo")
                .header("x-accela-agency", "CIVIC311").header("x-accela-environment", "TEST").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return page.path("page").path("total").asLong(-1);
    }

    private JsonNode form(String url, String body) throws IOException, InterruptedException {
        return json.readTree(client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        residents.close();
        DemoJar.stop(app);
    }
}
