package org.civic311.orchestrator.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civic311.orchestrator.routing.NoRequestsToReplay;
import org.civic311.orchestrator.routing.RuleFile;
import org.civic311.orchestrator.routing.RulesRejected;
import org.civic311.orchestrator.routing.RulesWhatIf;
import org.civic311.orchestrator.routing.WhatIfReport;
import org.civic311.orchestrator.workflow.StaffAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * What-if for rules: {@code POST /staff/api/rules/what-if} with proposed rule files (multipart parts named
 * {@code file}: .drl, .csv, .xls, .xlsx) replays the requests of a period (default the last 30 days) against them and
 * reports what would change; nothing is put in force. For the administrators and the directors.
 */
@RestController
class RulesWhatIfController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final RulesWhatIf whatIf;
    private final StaffAccess access;
    private final Clock clock;
    private final ZoneId zone;

    RulesWhatIfController(RulesWhatIf whatIf, StaffAccess access, Clock clock, @Value("${civic311.zone}") ZoneId zone) {
        this.whatIf = whatIf;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param from a date ({@code 2026-11-01}, from its start in the city's time zone) or an instant; default 30 days
     *             before {@code to}
     * @param to   a date (up to its end) or an instant; default now
     */
    @PostMapping(path = "/staff/api/rules/what-if", consumes = "multipart/form-data", produces = "application/json")
    WhatIfReport whatIf(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!access.mayPreviewRules()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the administrators and the directors may preview rule changes.");
        }
        if (files == null || files.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Send the proposed rule files as multipart parts named file (.drl, .csv, .xls, .xlsx).");
        }
        Instant end = to == null ? clock.instant() : instant(to, "to", true);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from (" + start + ") must be before to ("
                    + end + ").");
        }
        return whatIf.replay(read(files), start, end);
    }

    @ExceptionHandler(RulesRejected.class)
    ResponseEntity<Map<String, String>> rejected(RulesRejected e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(NoRequestsToReplay.class)
    ResponseEntity<Map<String, String>> nothingToReplay(NoRequestsToReplay e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("message", e.getMessage()));
    }

    private static List<RuleFile> read(List<MultipartFile> files) {
        List<RuleFile> read = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
            if (!RuleFile.isRuleFile(name)) {
                throw new RulesRejected(name + " is no rule file: send .drl files or decision tables (.csv, .xls,"
                        + " .xlsx).");
            }
            try {
                read.add(RuleFile.read(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    private Instant instant(String value, String name, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + "=" + value
                        + " is neither a date (2026-11-01) nor an instant (2026-11-01T00:00:00Z).");
            }
        }
    }
}
