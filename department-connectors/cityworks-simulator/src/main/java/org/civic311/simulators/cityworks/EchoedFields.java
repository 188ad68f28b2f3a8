package org.civic311.simulators.cityworks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields Cityworks stores as given and returns unchanged, and under which name: Create's
 * {@code Address}, {@code X}, {@code Y} come back as RequestBase's {@code ProbAddress}, {@code SRX},
 * {@code SRY} (WorkOrderBase: {@code WOAddress}, {@code WOXCoordinate}, {@code WOYCoordinate}).
 * Inputs with no place on the returned record (a work order's City and Zip) are dropped, as there.
 */
final class EchoedFields {

    enum Kind { TEXT, DECIMAL, ID, DATE }

    /** One input field and the record field it lands in. */
    record Mapping(String input, String output, Kind kind) {

        /** Copies the value when the call carries it; an absent field leaves the record alone (Update). */
        void copy(DataParameter data, Map<String, Object> into) {
            if (!data.has(input)) {
                return;
            }
            Object value = switch (kind) {
                case TEXT -> data.text(input).orElse(null);
                case DECIMAL -> data.decimal(input).orElse(null);
                case ID -> data.number(input).orElse(null);
                case DATE -> data.date(input).map(data.dates()::format).orElse(null);
            };
            into.put(output, value);
        }
    }

    static final List<Mapping> REQUEST_CREATE = list(
            text("Address", "ProbAddress"), text("AptNum", "ProbAptNum"), text("City", "ProbCity"),
            text("State", "ProbState"), text("Zip", "ProbZip"), text("Landmark", "ProbLandmark"),
            text("District", "ProbDistrict"), text("Location", "ProbLocation"), text("StreetName", "StreetName"),
            decimal("X", "SRX"), decimal("Y", "SRY"),
            id("SubmitTo", "SubmitToSid"), id("SubmitToSid", "SubmitToSid"),
            id("DispatchTo", "DispatchToSid"), id("DispatchToSid", "DispatchToSid"),
            text("Facility_Id", "Facility_Id"), text("Level_Id", "Level_Id"), text("MapPage", "MapPage"),
            text("TileNo", "TileNo"), text("Shop", "Shop"));

    static final List<Mapping> REQUEST_UPDATE = list(
            text("Address", "ProbAddress"), text("ProbAptNum", "ProbAptNum"), text("ProbCity", "ProbCity"),
            text("ProbState", "ProbState"), text("ProbZip", "ProbZip"), text("ProbLandmark", "ProbLandmark"),
            text("District", "ProbDistrict"), text("ProbLocation", "ProbLocation"),
            id("SubmitTo", "SubmitToSid"), id("SubmitToSid", "SubmitToSid"),
            id("DispatchTo", "DispatchToSid"), id("DispatchToSid", "DispatchToSid"),
            text("Facility_Id", "Facility_Id"), text("Level_Id", "Level_Id"), text("MapPage", "MapPage"),
            text("TileNo", "TileNo"), text("Shop", "Shop"));

    static final List<Mapping> WORK_ORDER_CREATE = list(
            text("Address", "WOAddress"), decimal("X", "WOXCoordinate"), decimal("Y", "WOYCoordinate"),
            text("Location", "Location"), text("District", "District"), text("StreetName", "StreetName"),
            id("SubmitTo", "SubmitToSid"), id("SubmitToSid", "SubmitToSid"),
            id("Supervisor", "SupervisorSid"), id("SupervisorSid", "SupervisorSid"),
            date("ProjectedStartDate", "ProjStartDate"),
            text("Facility_Id", "Facility_Id"), text("Level_Id", "Level_Id"), text("MapPage", "MapPage"),
            text("TileNo", "TileNo"), text("Shop", "Shop"));

    static final List<Mapping> WORK_ORDER_UPDATE = list(
            text("Address", "WOAddress"), text("Location", "Location"), text("District", "District"),
            text("StreetName", "StreetName"),
            id("SubmitTo", "SubmitToSid"), id("SubmitToSid", "SubmitToSid"),
            id("Supervisor", "SupervisorSid"), id("SupervisorSid", "SupervisorSid"),
            date("ProjectedStartDate", "ProjStartDate"), date("ProjectedFinishDate", "ProjFinishDate"),
            date("ActualStartDate", "ActualStartDate"),
            text("Facility_Id", "Facility_Id"), text("Level_Id", "Level_Id"), text("MapPage", "MapPage"),
            text("TileNo", "TileNo"), text("Shop", "Shop"));

    /** Every record field those mappings can fill, in the order records are written. */
    static final Set<String> REQUEST_OUTPUTS = outputs(REQUEST_CREATE, REQUEST_UPDATE);
    static final Set<String> WORK_ORDER_OUTPUTS = outputs(WORK_ORDER_CREATE, WORK_ORDER_UPDATE);

    private EchoedFields() {
    }

    static void copy(List<Mapping> mappings, DataParameter data, Map<String, Object> into) {
        mappings.forEach(mapping -> mapping.copy(data, into));
    }

    /** A record's echoed fields in a stable order, with null for those never given. */
    static Map<String, Object> ordered(Set<String> outputs, Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        outputs.forEach(name -> ordered.put(name, values.get(name)));
        return ordered;
    }

    // The user fields both records share: Text1..20, Num1..5, Date1..5.
    private static List<Mapping> list(Mapping... specific) {
        List<Mapping> mappings = new ArrayList<>(List.of(specific));
        for (int i = 1; i <= 20; i++) {
            mappings.add(text("Text" + i, "Text" + i));
        }
        for (int i = 1; i <= 5; i++) {
            mappings.add(decimal("Num" + i, "Num" + i));
        }
        for (int i = 1; i <= 5; i++) {
            mappings.add(date("Date" + i, "Date" + i));
        }
        return List.copyOf(mappings);
    }

    @SafeVarargs
    private static Set<String> outputs(List<Mapping>... lists) {
        Set<String> outputs = new LinkedHashSet<>();
        for (List<Mapping> mappings : lists) {
            mappings.forEach(mapping -> outputs.add(mapping.output()));
        }
        return Collections.unmodifiableSet(outputs);
    }

    private static Mapping text(String input, String output) {
        return new Mapping(input, output, Kind.TEXT);
    }

    private static Mapping decimal(String input, String output) {
        return new Mapping(input, output, Kind.DECIMAL);
    }

    private static Mapping id(String input, String output) {
        return new Mapping(input, output, Kind.ID);
    }

    private static Mapping date(String input, String output) {
        return new Mapping(input, output, Kind.DATE);
    }
}
