package org.civic311.connectors.tck;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A connector's settings written as an operator writes them (below the prefix), bound as the application binds them. */
public final class ConnectorSettings {

    private ConnectorSettings() {
    }

    /**
     * @param namesAndValues {@code "smtp.host", "localhost", "smtp.port", "2525", ...}; a name given twice keeps its
     *                       last value, so a test can start from a complete configuration and change one setting
     */
    public static <T> T bind(String prefix, Class<T> type, String... namesAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put(prefix + "." + namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
    }
}
