package org.civic311.orchestrator.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.open311.W3cTime;
import org.civic311.orchestrator.request.PublicRequests;
import org.civic311.orchestrator.request.PublishedRequestQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /open-data/requests.csv}: every service request, without personal data, as RFC 4180 CSV with the
 * GeoReport Bulk proposal's columns. Public, like Open311's reads. The rows go to the client as the database
 * sends them, written straight to the response (chunked), so no export is ever held in memory and no time limit
 * of asynchronous requests cuts a long one short.
 */
@RestController
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenDataController {

    private static final Logger log = LoggerFactory.getLogger(OpenDataController.class);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublicRequests requests;
    private final RequestTypes requestTypes;
    private final OpenDataFilter filter;
    private final OpenDataColumns columns;
    private final ExportLimits limits;

    OpenDataController(PublicRequests requests, RequestTypes requestTypes, W3cTime time,
                       @Value("${civic311.zone}") ZoneId zone, OpenDataProperties limits) {
        this.requests = requests;
        this.requestTypes = requestTypes;
        this.filter = new OpenDataFilter(time, zone);
        this.columns = new OpenDataColumns(time);
        this.limits = new ExportLimits(limits);
    }

    @GetMapping("/open-data/requests.csv")
    void export(@RequestParam(name = "start_date", required = false) String startDate,
                @RequestParam(name = "end_date", required = false) String endDate,
                @RequestParam(name = "service_code", required = false) String serviceCodes,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> known = requestTypes.all().stream().map(RequestType::serviceCode).collect(Collectors.toSet());
        PublishedRequestQuery query = filter.read(startDate, endDate, serviceCodes, known);
        long wait = limits.secondsToWait(request.getRemoteAddr());
        if (wait > 0) {
            throw new TooManyExports(wait);
        }
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"service-requests.csv\"");
        CSVPrinter csv = new CSVPrinter(new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024),
                CSVFormat.RFC4180.builder().setHeader(columns.header()).get());
        try {
            requests.forEachPublished(query, published -> {
                try {
                    csv.printRecord(columns.values(published));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            // The client went away: stop reading; nothing to answer.
            log.debug("Open-data export ended early: {}", e.getMessage());
            return;
        }
        csv.flush();
    }

    @ExceptionHandler(OpenDataFilter.BadFilter.class)
    ResponseEntity<String> badFilter(OpenDataFilter.BadFilter e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    @ExceptionHandler(TooManyExports.class)
    ResponseEntity<String> tooMany(TooManyExports e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.seconds))
                .body("Too many downloads from your address; try again in " + e.seconds + " seconds.\n");
    }

    private static final class TooManyExports extends RuntimeException {
        private final long seconds;

        TooManyExports(long seconds) {
            this.seconds = seconds;
        }
    }
}
