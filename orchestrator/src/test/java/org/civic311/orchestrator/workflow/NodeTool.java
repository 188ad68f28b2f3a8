package org.civic311.orchestrator.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node.js tool of the build (installed by its npm ci, from this module's directory, where the tools resolve
 * their plugins). Without Node.js it fails the test rather than skip it.
 */
final class NodeTool {

    record Run(int exitCode, String output) {
    }

    private NodeTool() {
    }

    /** {@code node <arguments>}, its standard output and error together. */
    static Run run(String what, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        // To a file, not a pipe read to its end: reading would wait for ever on a hung tool, before the timeout.
        Path output = Files.createTempFile("node-tool", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js 20.19 or later must be on the PATH to run " + what, e);
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(what + " did not finish in 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
