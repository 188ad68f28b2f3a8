package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every model in processes/ passes bpmnlint's recommended rules and the Camunda 7.24 compatibility rules
 * (processes/.bpmnlintrc): it opens in the Camunda Modeler with its diagram and deploys to this engine. bpmnlint
 * is installed by the build ({@code npm ci}, pinned in package-lock.json); without Node.js this test fails rather
 * than skip.
 */
class ProcessLintTest {

    private static final Path PROCESSES = Path.of("../processes");
    private static final Path CONFIG = PROCESSES.resolve(".bpmnlintrc");
    private static final Path BPMNLINT = Path.of("node_modules/bpmnlint/bin/bpmnlint.js");

    @Test
    void everyModelInProcessesPassesTheLint() throws Exception {
        List<String> models;
        try (Stream<Path> files = Files.list(PROCESSES)) {
            models = files.filter(file -> file.toString().endsWith(".bpmn")).map(Path::toString).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(12);

        Lint lint = lint(models);

        assertThat(lint.output()).as("bpmnlint --config " + CONFIG + " " + models).isBlank();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void aModelWithoutItsDiagramOrWithATaskNothingLeadsToIsRefused() throws Exception {
        Lint lint = lint(List.of("src/test/resources/lint/broken.bpmn"));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("Task_Orphan").contains("no-disconnected").contains("no-bpmndi");
    }

    private record Lint(int exitCode, String output) {
    }

    private static Lint lint(List<String> models) throws Exception {
        assertThat(BPMNLINT).as("bpmnlint, installed by the build's npm ci").exists();
        List<String> command = new ArrayList<>(List.of("node", BPMNLINT.toString(), "--config", CONFIG.toString()));
        command.addAll(models);
        // To a file, not a pipe read to its end: reading would wait for ever on a hung lint, before the timeout.
        Path output = Files.createTempFile("bpmnlint", ".txt");
        // The plugins resolve from the working directory: this module, where npm ci installed them.
        ProcessBuilder lint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        lint.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = lint.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js 20.19 or later must be on the PATH to lint the BPMN models", e);
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bpmnlint did not finish in 2 minutes");
            }
            return new Lint(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
