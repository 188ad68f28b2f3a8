package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description at /open311/openapi.yaml passes Redocly's recommended rules without an error or a
 * warning, so that client generators take it as it is. Redocly CLI is installed by the build ({@code npm ci},
 * pinned in package-lock.json); without Node.js this test fails rather than skip.
 */
class OpenApiLintTest {

    private static final Path DESCRIPTION = Path.of("src/main/resources/open311/openapi.yaml");
    private static final Path REDOCLY = Path.of("node_modules/@redocly/cli/bin/cli.js");

    @Test
    void theOpenApiDescriptionPassesRedoclysRecommendedRules() throws Exception {
        assertThat(REDOCLY).as("Redocly CLI, installed by the build's npm ci").exists();
        // To a file, not a pipe read to its end: reading would wait for ever on a hung lint, before the timeout.
        Path output = Files.createTempFile("redocly-lint", ".json");
        ProcessBuilder lint = new ProcessBuilder("node", REDOCLY.toString(), "lint", "--extends=recommended",
                "--format=json", DESCRIPTION.toString())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = lint.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js 20.19 or later must be on the PATH to lint the OpenAPI description", e);
        }
        JsonNode report;
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("redocly lint did not finish in 2 minutes");
            }
            report = new ObjectMapper().readTree(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText()
                + " at " + p.path("location").path(0).path("pointer").asText() + ": " + p.path("message").asText()));
        assertThat(problems).as("redocly lint --extends=recommended " + DESCRIPTION).isEmpty();
        assertThat(report.path("totals").path("errors").asInt(-1)).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).isZero();
        assertThat(Files.readString(DESCRIPTION)).contains("Apache-2.0");
    }
}
