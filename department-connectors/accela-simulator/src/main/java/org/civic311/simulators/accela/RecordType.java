package org.civic311.simulators.accela;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A record type in Accela's four levels. Its {@code value} is the slash path
 * ({@code ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA}); its {@code id} is the same path
 * dashed, with spaces written {@code .c} ({@code ServiceRequest-Trees.cand.cWeeds-Tall.cGrass.cand.cWeeds-NA}).
 */
record RecordType(String value, String id, String alias, String module,
                  String group, String type, String subType, String category, String customIdPrefix,
                  List<String> requiredFields) {

    static RecordType of(AccelaSimulatorProperties.RecordTypeSetting setting) {
        String value = setting.value();
        String[] levels = value == null ? new String[0] : value.split("/", -1);
        if (levels.length != 4 || Arrays.stream(levels).anyMatch(String::isBlank)) {
            throw new IllegalStateException("Record type '" + value + "' must be Group/Type/SubType/Category");
        }
        if (setting.customIdPrefix() == null || setting.customIdPrefix().isBlank()) {
            throw new IllegalStateException("Record type '" + value + "' needs a custom-id-prefix");
        }
        String id = Arrays.stream(levels).map(level -> level.replace(" ", ".c")).collect(Collectors.joining("-"));
        String alias = setting.alias() == null || setting.alias().isBlank() ? levels[2] : setting.alias();
        String module = setting.module() == null || setting.module().isBlank() ? levels[0] : setting.module();
        return new RecordType(value, id, alias, module, levels[0], levels[1], levels[2], levels[3], setting.customIdPrefix(),
                setting.requiredFields());
    }

    /** Whether a filter names this type, by value or by id. */
    boolean isNamed(String valueOrId) {
        return value.equalsIgnoreCase(valueOrId) || id.equalsIgnoreCase(valueOrId);
    }
}
