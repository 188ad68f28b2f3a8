package org.civic311.orchestrator.workflow;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a process owner sends: request-type models and rule files, as multipart forms, and Open311 reports. */
final class RuleDeployments {

    static final String WEB_KEY = "conformance-web-key";

    private RuleDeployments() {
    }

    /** A request type as a process owner models it; {@code delegate}, {@code called} and {@code fieldType} may be broken. */
    static String requestType(String code, String name, String delegate, String called, String fieldType) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                    targetNamespace="http://civic311.org/test">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:extensionElements>
                      <camunda:properties><camunda:property name="open311.group" value="Sanitation"/></camunda:properties>
                    </bpmn:extensionElements>
                    <bpmn:startEvent id="Event_Submitted">
                      <bpmn:extensionElements>
                        <camunda:formData>
                          <camunda:formField id="blocking" label="Does it block the sidewalk?" type="%5$s">
                            <camunda:value id="yes" name="Yes"/>
                            <camunda:value id="no" name="No"/>
                          </camunda:formField>
                        </camunda:formData>
                      </bpmn:extensionElements>
                    </bpmn:startEvent>
                    <bpmn:serviceTask id="Task_RouteRequest" name="Route request" camunda:delegateExpression="%3$s"/>
                    <bpmn:callActivity id="Activity_DepartmentWork" calledElement="%4$s">
                      <bpmn:extensionElements>
                        <camunda:in businessKey="#{execution.processBusinessKey}"/>
                        <camunda:in variables="all"/>
                        <camunda:out variables="all"/>
                      </bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:endEvent id="Event_Done"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Submitted" targetRef="Task_RouteRequest"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_RouteRequest" targetRef="Activity_DepartmentWork"/>
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Activity_DepartmentWork" targetRef="Event_Done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(code, name, delegate, called, fieldType);
    }

    static String requestType(String code) {
        return requestType(code, "Test " + code, "${routeRequest}", "department-work", "enum");
    }

    /** A routing rule file sending {@code code} to {@code department} by email. */
    static String routingRule(String code, String department, String priority) {
        return """
                package rules.routing;

                import org.civic311.orchestrator.routing.RoutingRequest;
                import org.civic311.orchestrator.routing.RoutingDecision;

                rule "%1$s goes to %2$s"
                    when
                        RoutingRequest( serviceCode == "%1$s" )
                        $decision : RoutingDecision( routed == false )
                    then
                        modify( $decision ) { routeTo( "%2$s", "email", "%3$s" ) };
                end
                """.formatted(code, department, priority);
    }

    /** A multipart form: parts of text fields and files. */
    static final class Form {

        private final String boundary = "----civic311-" + System.nanoTime();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<String> names = new ArrayList<>();

        Form field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Form file(String part, String fileName, String content) {
            names.add(fileName);
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            return (body.toString(StandardCharsets.UTF_8) + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code POST /engine-rest/deployment/create} with these files, as the Modeler or curl sends it: each file in a
     * part of its own name, since the engine keeps one file per part name.
     */
    static HttpResponse<String> deploy(StaffClient admin, String name, String... filesAndContents) throws Exception {
        Form form = new Form().field("deployment-name", name);
        for (int i = 0; i < filesAndContents.length; i += 2) {
            form.file("data" + i, filesAndContents[i], filesAndContents[i + 1]);
        }
        return admin.post("/engine-rest/deployment/create", form.contentType(), form.bytes());
    }

    /** Submits an Open311 report of {@code code}; the answer's JSON. */
    static HttpResponse<String> report(int port, String code, String... answers) throws Exception {
        StringBuilder form = new StringBuilder("api_key=" + WEB_KEY + "&service_code=" + code
                + "&address_string=" + URLEncoder.encode("121 N LaSalle St", StandardCharsets.UTF_8)
                + "&description=test&email=resident%40example.org");
        for (int i = 0; i < answers.length; i += 2) {
            form.append("&attribute%5B").append(answers[i]).append("%5D=").append(answers[i + 1]);
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
