package org.civic311.orchestrator.workflow;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A member of staff (or nobody) calling the engine over HTTP: /engine-rest with HTTP Basic, or the webapps' login. */
class StaffClient {

    /** The engine's API as the webapps call it, with the login's session. */
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    private final int port;
    private final String basic;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private boolean loggedIn;

    private StaffClient(int port, String basic) {
        this.port = port;
        this.basic = basic;
    }

    static StaffClient as(int port, String user, String password) {
        return new StaffClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static StaffClient anonymous(int port) {
        return new StaffClient(port, null);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Logs in to a webapp (tasklist, cockpit, admin) as a browser does; the session is kept for later calls. */
    HttpResponse<String> logIn(String app, String user, String password) throws Exception {
        browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        loggedIn = true;
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** What Tasklist loads to show a task and its form, when the logged-in user cannot have it: path and answer. */
    List<String> refusedOfTask(String task, String processDefinition, String user) throws Exception {
        List<String> refused = new ArrayList<>();
        for (String path : List.of("/task/" + task, "/task/" + task + "/form", "/task/" + task + "/form-variables",
                "/task/" + task + "/identity-links", "/task/" + task + "/variables",
                "/process-definition/" + processDefinition, "/user/" + user + "/profile")) {
            HttpResponse<String> shown = get(WEBAPP_ENGINE + path);
            if (shown.statusCode() != 200) {
                refused.add(path + ": " + shown.statusCode() + " " + shown.body());
            }
        }
        return refused;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (basic != null) {
            request.header("Authorization", basic);
        }
        if (loggedIn) {
            // The webapp renews its token at login: send the latest.
            request.header("X-XSRF-TOKEN", ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
                    .getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue())
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new AssertionError("the webapp hands out its XSRF cookie")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
