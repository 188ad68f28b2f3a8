package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** What every Open311 address does whatever it is sent: formats, errors, browsers, and the API's description. */
class HttpConformanceTest extends Open311ConformanceTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /open311/v2/nothing.json                                  | | | 404 | json",
            "GET    | /open311/v2/nothing                                       | | | 404 | xml",
            "GET    | /open311/v2/services.html                                 | | | 404 | xml",
            "GET    | /open311/v3/services.json                                 | | | 404 | json",
            "GET    | /open311/v2/requests/SR-1.json/more                       | | | 404 | xml",
            "POST   | /open311/v2/services.json                                 | | | 404 | json",
            "PUT    | /open311/v2/requests.json                                 | | | 400 | json",
            "DELETE | /open311/v2/requests/SR-2026-000001.xml                   | | | 400 | xml",
            "PATCH  | /open311/v2/servicerequestupdates.json                    | | | 400 | json",
            "GET    | /open311/v2/requests.json?page=99999999999999999999       | | | 400 | json",
            "GET    | /open311/v2/requests.xml?start_date=%FF%FE                | | | 400 | xml",
            "GET    | /open311/v2/requests.json?start_date=2026-02-30T00:00:00Z | | | 400 | json",
            "GET    | /open311/v2/requests.json?service_request_id=%2C%2C%2C    | | | 200 | json",
            "GET    | /open311/v2/requests/%20.json                             | | | 404 | json",
            "GET    | /open311//v2/%2e%2e/services.json                         | | | 404 | json",
            "GET    | /open311/v2/servicerequestupdates.xml?page_size=-1        | | | 400 | xml",
            "POST   | /open311/v2/requests.json   | application/json                       | {\"api_key\":\"conformance-web-key\"} | 403 | json",
            "POST   | /open311/v2/requests.json?api_key=conformance-web-key | application/json | {\"service_code\":\"pothole\"} | 400 | json",
            "POST   | /open311/v2/requests.xml    | multipart/form-data; boundary=xyz      | --xyz\\r\\nbroken                 | 400 | xml",
            "POST   | /open311/v2/requests.xml    | multipart/form-data                    | no boundary at all               | 400 | xml",
            "POST   | /open311/v2/requests.json   | application/x-www-form-urlencoded      | api_key=%zz&service_code=%%      | 403 | json",
            "POST   | /open311/v2/requests.json   | application/octet-stream               | \u0000\u0001\u0002                | 403 | json",
            "POST   | /open311/v2/requests.json   | text/xml                               | <request><a>1</a></request>      | 403 | json",
            "POST   | /open311/v2/servicerequestupdates.xml | application/x-www-form-urlencoded | api_key=conformance-web-key&service_request_id=%00 | 400 | xml"})
    void malformedCallsGetTheSpecsErrorShapeInTheFormatAskedNeverAPageOrATrace(
            String method, String path, String contentType, String body, int status, String format) {
        Open311Client.Answer answer = api.send(method, path, contentType,
                body == null ? new byte[0] : body.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(format.equals("json") ? "application/json" : "text/xml");
        if (status != 200) {
            assertThat(answer.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContain("Exception"));
        }
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("at org.").doesNotContain("Exception");
    }

    /** What Tomcat refuses before the application sees it; sent raw, since no HTTP client library would. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/open311/v2/requests/%zz.json             | application/json",
            "/open311/v2/requests/a%2Fb.xml            | text/xml",
            "/open311/v2/requests/SR%.json             | application/json"})
    void requestsTheServletContainerRefusesAreAnsweredInTheSpecsShapeToo(String path, String contentType) throws Exception {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: " + contentType)
                .contains("The request could not be read").doesNotContain("<html");
        assertThat(raw("GET /camunda/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .as("elsewhere Tomcat's own page stays").startsWith("HTTP/1.1 400").contains("<html");
    }

    String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/open311/v2//services.json", "/open311//v2/services.json", "//open311/v2///services.json"})
    void aBaseUrlWithATrailingSlashServesTheSameAnswers(String doubled) {
        Open311Client.Answer single = api.get(V2 + "/services.json");

        Open311Client.Answer answer = api.get(doubled);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(single.json());
    }

    @Test
    void doubledSlashesWorkForEveryMethodWithItsArgumentsAndErrors() {
        long before = storedRequests();

        Open311Client.Answer posted = api.post(V2 + "//requests.xml", pothole());
        String id = Open311Client.text(Open311Client.children(posted.xml()).get(0), "service_request_id");
        Open311Client.Answer one = api.get(V2 + "//requests//" + id + ".json?extensions=true");
        Open311Client.Answer otherCity = api.get(V2 + "//services.xml?jurisdiction_id=shelbyville.example");
        Open311Client.Answer comment = api.post(V2 + "//servicerequestupdates.json",
                RequestUpdatesConformanceTest.comment(id, "slash-1", "Deeper today."));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(storedRequests()).isEqualTo(before + 1);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get(0).get("extended_attributes").get("channel").asText()).isEqualTo("web");
        assertThat(otherCity.status()).isEqualTo(404);
        assertThat(otherCity.errors()).containsExactly("jurisdiction_id 'shelbyville.example' was not found.");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(api.get(V2 + "//nothing.json").status()).isEqualTo(404);
    }

    @Test
    void theSuffixChoosesTheFormatWhateverTheAcceptHeaderSays() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + V2 + "/services.xml"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + V2 + "/services.json"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml;charset=UTF-8");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
    }

    @Test
    void textThatXmlCannotCarryNeverBreaksTheXmlAnswer() {
        String id = submit(pothole().set("description", "Bell\u0007 and form feed\f in a pasted text"));

        Open311Client.Answer xml = api.get(V2 + "/requests/" + id + ".xml");

        assertThat(Open311Client.text(Open311Client.children(xml.xml()).get(0), "description"))
                .isEqualTo("Bell and form feed in a pasted text");
        assertThat(request(id, "").get("description").asText()).isEqualTo("Bell\u0007 and form feed\f in a pasted text");
    }

    @Test
    void browsersOnCityWebsitesMayCallTheApi() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + V2 + "/requests.json"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://www.springfield.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + V2 + "/services.json"))
                .header("Origin", "https://www.springfield.example").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionServedDescribesEveryOpen311Method() {
        Open311Client.Answer answer = api.get("/open311/openapi.yaml");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/yaml");
        Map<String, Object> openApi = new Yaml().load(answer.body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openApi.get("paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(m -> described.add(m.toUpperCase() + " " + path)));

        Set<String> served = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals(Format.class.getPackageName()))
                .flatMap(e -> e.getKey().getMethodsCondition().getMethods().stream().flatMap(m ->
                        e.getKey().getPatternValues().stream().map(p -> m.name() + " " + p)))
                .filter(s -> !s.endsWith("/**") && !s.endsWith("/openapi.yaml"))
                .map(s -> s.replaceAll("\\.(json|xml)$", ".{format}").replace("{serviceCode}", "{service_code}")
                        .replace("{id}", "{service_request_id}"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).hasSizeGreaterThanOrEqualTo(9);
        assertThat(described).isEqualTo(served);
    }
}
