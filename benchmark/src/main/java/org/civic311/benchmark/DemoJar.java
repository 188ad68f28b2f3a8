package org.civic311.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged demo jar in a JVM of its own: started with its settings, then awaited until it answers. */
final class DemoJar {

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DemoJar() {
    }

    /**
     * @param jvm      the JVM's own options, e.g. {@code -Xmx512m}
     * @param settings the application's, as {@code --name=value}; {@code --server.port} among them
     */
    static Process start(Path jar, List<String> jvm, List<String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(settings);
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroyForcibly));
        return app;
    }

    /** Waits until the application on {@code port} answers Open311's service list: it has started. */
    static void awaitUp(Process app, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        HttpRequest services = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/open311/v2/services.json")).GET().build();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The demo jar stopped while starting; its log: " + log);
            }
            try {
                if (client.send(services, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException starting) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo jar did not start within 15 minutes; its log: " + log);
            }
            Thread.sleep(500);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops it as a shutdown would, then for good if it does not stop within half a minute. */
    static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }
}
