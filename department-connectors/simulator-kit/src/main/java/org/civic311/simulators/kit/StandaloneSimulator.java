package org.civic311.simulators.kit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a simulator on its own. Its settings come from {@code <configName>.yml} (plus the usual command-line and
 * environment overrides), never {@code application.yml}, so the file cannot leak into an application that uses the
 * simulator as a library.
 */
public final class StandaloneSimulator {

    private StandaloneSimulator() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                .run(args);
    }
}
