package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

        NodeTool.Run lint = lint(models);

        assertThat(lint.output()).as("bpmnlint --config " + CONFIG + " " + models).isBlank();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void aModelWithoutItsDiagramOrWithATaskNothingLeadsToIsRefused() throws Exception {
        NodeTool.Run lint = lint(List.of("src/test/resources/lint/broken.bpmn"));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("Task_Orphan").contains("no-disconnected").contains("no-bpmndi");
    }

    private static NodeTool.Run lint(List<String> models) throws Exception {
        assertThat(BPMNLINT).as("bpmnlint, installed by the build's npm ci").exists();
        List<String> arguments = new ArrayList<>(List.of(BPMNLINT.toString(), "--config", CONFIG.toString()));
        arguments.addAll(models);
        return NodeTool.run("bpmnlint", arguments);
    }
}
