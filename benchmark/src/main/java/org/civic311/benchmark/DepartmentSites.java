package org.civic311.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo's Cityworks and Accela simulators, asked through their public APIs what was created there. */
final class DepartmentSites {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    DepartmentSites(int port) {
        this.base = "http://127.0.0.1:" + port + "/sim";
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
}
