package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code civic311.simulators.cityworks.*}. Every default the simulator uses lives here, so a city can
 * reshape the simulated site (logins, problem types, templates, webhook) without touching code.
 *
 * @param enabled            serve the simulator from this application. Off unless asked for
 * @param basePath           where the simulated site lives, like {@code /cityworks} on a real server;
 *                           {@code Services/...} follows it
 * @param users              login name to password. Configured entries are merged into the default, so the demo
 *                           login stays unless it is given a blank password, which disables a login
 * @param tokenLifetime      how long an Authenticate token lives when the caller does not ask for {@code Expires}
 * @param version            the Cityworks major version played. Before 23 (the default, 15 as cw-sdk 15.8.3) a token
 *                           is read from the {@code token=} field or the {@code Authorization: cityworks <token>}
 *                           header; from 23 on from the header only, and a token in the field alone is refused
 * @param unauthorized       how a missing, bad or expired token (and a refused login) is answered:
 *                           {@code status-2} (HTTP 200, envelope Status 2 / 3) or {@code http-401}, as newer sites do
 * @param zone               the server's time zone: every date it writes and compares is wall-clock time in it
 * @param spatialReference   the WKID of the site's map: X/Y sent without a WKID or WKT are taken to be in it
 * @param staffName          the name recorded as ClosedBy / AuthorName when Java code acts as department staff
 * @param searchMaxResults   search answers at most this many ids when the caller gives no MaxResults, as real
 *                           sites cap searches
 * @param searchCap          the most ids any search answers, whatever MaxResults asks for (10,000 on real sites;
 *                           lower in tests, to make a client split its searches with few items)
 * @param problems           service request problem types, what {@code ServiceRequest/Problems} lists
 * @param workOrderTemplates work order templates, the WOTemplateId values WorkOrder/Create accepts
 * @param webhook            the webhook the site calls when a request or work order closes
 * @param staffFinishAfter   when set, staff close every service request this long after it was created, with a
 *                           resolution (the demo under load, the benchmark); unset, nothing closes by itself
 */
@ConfigurationProperties(prefix = "civic311.simulators.cityworks")
public record CityworksSimulatorProperties(
        boolean enabled,
        @DefaultValue("/sim/cityworks") String basePath,
        Map<String, String> users,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("15") int version,
        @DefaultValue("status-2") Unauthorized unauthorized,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("4326") int spatialReference,
        @DefaultValue("Public Works Crew") String staffName,
        @DefaultValue("1000") int searchMaxResults,
        @DefaultValue("10000") int searchCap,
        List<ProblemType> problems,
        List<WorkOrderTemplate> workOrderTemplates,
        @DefaultValue Webhook webhook,
        Duration staffFinishAfter) {

    /** The first version that reads the token from the Authorization header only. */
    static final int HEADER_TOKEN_VERSION = 23;

    public CityworksSimulatorProperties {
        Map<String, String> logins = new LinkedHashMap<>(Map.of("demo", "demo"));
        if (users != null) {
            logins.putAll(users);
        }
        users = logins;
        // The site's administrator can add problem types while it runs (CityworksSimulator#addProblemType).
        problems = new CopyOnWriteArrayList<>(problems != null ? problems : List.of(
                ProblemType.of(101, "POTHOLE", "Pothole in roadway", "STREETS", "2"),
                ProblemType.of(102, "TREE DAMAGED", "Tree damaged or hanging limb", "FORESTRY", "3"),
                ProblemType.of(103, "TREE DOWN", "Tree down or blocking road", "FORESTRY", "1"),
                ProblemType.of(104, "STREET LIGHT OUT", "Street light out", "STREET LIGHTS", "3"),
                ProblemType.of(105, "GRAFFITI", "Graffiti on public property", "PARKS", "4"),
                ProblemType.of(106, "MISSED COLLECTION", "Missed trash or recycling collection", "SOLID WASTE", "2"),
                ProblemType.of(107, "SIGN DAMAGED", "Traffic sign damaged or missing", "TRAFFIC", "2"),
                ProblemType.of(108, "SIDEWALK DAMAGED", "Sidewalk damaged or trip hazard", "STREETS", "3"),
                ProblemType.of(109, "CART DAMAGED", "Trash or recycling cart damaged or missing", "SOLID WASTE", "3"),
                ProblemType.of(110, "SIGNAL OUT", "Traffic signal dark, flashing or stuck", "TRAFFIC", "1"),
                ProblemType.of(111, "ILLEGAL DUMPING", "Waste dumped on public land", "SOLID WASTE", "2"),
                ProblemType.of(112, "BULKY ITEM PICKUP", "Bulky item collection", "SOLID WASTE", "3")));
        workOrderTemplates = workOrderTemplates != null ? workOrderTemplates : List.of(
                new WorkOrderTemplate("2001", "Pothole repair"),
                new WorkOrderTemplate("2002", "Tree removal"),
                new WorkOrderTemplate("2003", "Tree pruning"),
                new WorkOrderTemplate("2004", "Street light repair"),
                new WorkOrderTemplate("2005", "Graffiti removal"),
                new WorkOrderTemplate("2006", "Sign replacement"),
                new WorkOrderTemplate("2007", "Sidewalk repair"));
    }

    boolean readsTokenField() {
        return version < HEADER_TOKEN_VERSION;
    }

    /** How the site answers a call it will not let through for want of a valid token or login. */
    public enum Unauthorized {
        /** HTTP 200 with envelope Status 2 (Unauthorized) or 3 (InvalidCredentials), as cw-sdk 15.8 describes. */
        STATUS_2,
        /** HTTP 401, as sites of version 23 and later answer behind their web server. */
        HTTP_401
    }

    /**
     * One Cityworks problem type (a ProblemLeaf): what a resident's report is filed under.
     *
     * @param category      ProbCategory, the grouping Cityworks shows next to the code
     * @param priority      the default Priority a new request gets
     * @param forPublicSite listed by {@code Problems {ForPublicOnly:true}}
     */
    public record ProblemType(int problemSid, String problemCode, String description, String category, String priority,
                              @DefaultValue("true") boolean forPublicSite, @DefaultValue("1") int domainId) {

        static ProblemType of(int problemSid, String problemCode, String description, String category, String priority) {
            return new ProblemType(problemSid, problemCode, description, category, priority, true, 1);
        }
    }

    /** A work order template; its description becomes the work order's Description. */
    public record WorkOrderTemplate(String woTemplateId, String description) {
    }

    /**
     * A Cityworks webhook with a custom JSON packet. Off while {@code url} is blank. The header is the
     * PacketConfig HeaderData a receiver checks to know the call came from Cityworks.
     *
     * @param events the source events that fire: RequestClosed, RequestCanceled, WorkOrderClosed, WorkOrderCanceled
     */
    public record Webhook(String url, String headerName, String headerValue, @DefaultValue("5s") Duration timeout,
                          @DefaultValue({"RequestClosed", "WorkOrderClosed"}) List<String> events) {
    }
}
