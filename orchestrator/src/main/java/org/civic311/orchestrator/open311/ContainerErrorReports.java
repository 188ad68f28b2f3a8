package org.civic311.orchestrator.open311;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Some requests Tomcat refuses before Civic311 sees them: a path with a broken %-escape or an encoded slash, a
 * request line too long. Tomcat answers those with its own HTML page. Under {@code /open311/} they are answered
 * in the spec's error shape instead; everything else keeps Tomcat's page, without report or server details,
 * as Spring Boot configures it (this runs after Boot's customizer, and takes the place of its valve).
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    ContainerErrorReports(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            Open311ErrorReportValve valve = new Open311ErrorReportValve(json);
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            host.getPipeline().addValve(valve);
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(Open311ErrorReportValve.class.getName());
            }
        });
    }

    static final class Open311ErrorReportValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(Open311ErrorReportValve.class);

        private final ObjectMapper json;

        Open311ErrorReportValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (uri == null || !uri.startsWith("/open311/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            Format format = Format.of(request);
            Open311Body errors = new Open311Body("errors", List.of(new Open311Error(status,
                    "The request could not be read: check the URL, its %-escapes and its length.")));
            try {
                String body;
                if (format == Format.JSON) {
                    body = json.writeValueAsString(errors);
                } else {
                    ByteArrayOutputStream xml = new ByteArrayOutputStream();
                    new Open311XmlConverter(json).write(errors, xml);
                    body = xml.toString(StandardCharsets.UTF_8);
                }
                response.setContentType(format.mediaType().getType() + "/" + format.mediaType().getSubtype());
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the Open311 error for {}", uri, e);
            }
        }
    }
}
