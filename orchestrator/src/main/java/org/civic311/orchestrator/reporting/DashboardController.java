package org.civic311.orchestrator.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The staff dashboard, {@code /staff/}: the measures as tables and charts for the chosen days, type, department,
 * channel and area, and each table as CSV. Under {@code /staff/}, which asks for an engine user as Tasklist does
 * (workflow.EngineRestSecurity); every member of staff may read it, since it holds no personal data.
 */
@RestController
class DashboardController {

    private final ReportTables tables;
    private final ReportQueries queries;
    private final SummaryRefresh refresh;
    private final ZoneId zone;
    private final Clock clock;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    DashboardController(ReportTables tables, ReportQueries queries, SummaryRefresh refresh,
                        @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.tables = tables;
        this.queries = queries;
        this.refresh = refresh;
        this.zone = zone;
        this.clock = clock;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reporting/");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    @GetMapping({"/staff", "/staff/"})
    ResponseEntity<String> dashboard(@RequestParam Map<String, String> params) {
        Map<String, Set<String>> known = queries.knownValues();
        ReportFilter filter = filter(params, known);
        List<ReportTable> all = tables.all(filter);
        Context context = new Context(Locale.ENGLISH);
        Map<String, Object> model = new HashMap<>();
        // Plain maps and strings: the template reads no classes of this package.
        Map<String, String> chosen = new HashMap<>();
        ReportFilter.DIMENSIONS.forEach(d -> chosen.put(d, filter.value(d)));
        model.put("from", filter.from().toString());
        model.put("to", filter.to().toString());
        model.put("period", filter.period().name().toLowerCase(Locale.ROOT));
        model.put("chosen", chosen);
        model.put("messages", filter.messages());
        model.put("known", known);
        model.put("tables", all.stream().map(t -> Map.of("id", t.id(), "title", t.title(), "headers", t.headers(),
                "rows", t.rows())).toList());
        model.put("query", filter.query());
        Instant refreshed = refresh.refreshedTo();
        model.put("refreshedTo", refreshed == null ? null : refreshed.atZone(zone).toLocalDateTime().withNano(0));
        model.put("empty", all.get(0).rows().isEmpty());
        context.setVariables(model);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(templates.process("dashboard.html", context));
    }

    @GetMapping("/staff/reports/{table}.csv")
    ResponseEntity<String> csv(@PathVariable String table, @RequestParam Map<String, String> params) {
        if (!ReportTables.IDS.contains(table)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("No table \"" + table + "\"; the tables are " + String.join(", ", ReportTables.IDS) + ".\n");
        }
        ReportFilter filter = filter(params, queries.knownValues());
        String name = "civic311-" + table + "-" + filter.from() + "-to-" + filter.to() + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(tables.table(table, filter).csv());
    }

    private ReportFilter filter(Map<String, String> params, Map<String, Set<String>> known) {
        return ReportFilter.of(params, LocalDate.now(clock.withZone(zone)), known);
    }
}
