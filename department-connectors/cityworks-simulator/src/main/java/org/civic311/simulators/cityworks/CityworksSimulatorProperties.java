package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code civic311.simulators.cityworks.*}. Every default the simulator uses lives here, so a city can
 * reshape the simulated site (logins, problem types, templates, webhook) without touching code.
 */
@ConfigurationProperties(prefix = "civic311.simulators.cityworks")
public class CityworksSimulatorProperties {

    /** Serve the simulator from this application. Off unless asked for. */
    private boolean enabled;

    /** Where the simulated site lives, like {@code /cityworks} on a real server; {@code Services/...} follows it. */
    private String basePath = "/sim/cityworks";

    /**
     * Login name to password. Spring merges configured map entries into this default, so the demo
     * login stays unless it is given a blank password, which disables a login.
     */
    private Map<String, String> users = new LinkedHashMap<>(Map.of("demo", "demo"));

    /** How long an Authenticate token lives when the caller does not ask for {@code Expires}. */
    private Duration tokenLifetime = Duration.ofHours(8);

    /** The name recorded as ClosedBy / AuthorName when Java code acts as department staff. */
    private String staffName = "Public Works Crew";

    /** Search answers at most this many ids when the caller gives no MaxResults, as real sites cap searches. */
    private int searchMaxResults = 1000;

    /** Service request problem types, what {@code ServiceRequest/Problems} lists. */
    private List<ProblemType> problems = new ArrayList<>(List.of(
            ProblemType.of(101, "POTHOLE", "Pothole in roadway", "STREETS", "2"),
            ProblemType.of(102, "TREE DAMAGED", "Tree damaged or hanging limb", "FORESTRY", "3"),
            ProblemType.of(103, "TREE DOWN", "Tree down or blocking road", "FORESTRY", "1"),
            ProblemType.of(104, "STREET LIGHT OUT", "Street light out", "STREET LIGHTS", "3"),
            ProblemType.of(105, "GRAFFITI", "Graffiti on public property", "PARKS", "4"),
            ProblemType.of(106, "MISSED COLLECTION", "Missed trash or recycling collection", "SOLID WASTE", "2"),
            ProblemType.of(107, "SIGN DAMAGED", "Traffic sign damaged or missing", "TRAFFIC", "2"),
            ProblemType.of(108, "SIDEWALK DAMAGED", "Sidewalk damaged or trip hazard", "STREETS", "3")));

    /** Work order templates, the WOTemplateId values WorkOrder/Create accepts. */
    private List<WorkOrderTemplate> workOrderTemplates = new ArrayList<>(List.of(
            WorkOrderTemplate.of("2001", "Pothole repair"),
            WorkOrderTemplate.of("2002", "Tree removal"),
            WorkOrderTemplate.of("2003", "Tree pruning"),
            WorkOrderTemplate.of("2004", "Street light repair"),
            WorkOrderTemplate.of("2005", "Graffiti removal"),
            WorkOrderTemplate.of("2006", "Sign replacement"),
            WorkOrderTemplate.of("2007", "Sidewalk repair")));

    private final Webhook webhook = new Webhook();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public Map<String, String> getUsers() {
        return users;
    }

    public void setUsers(Map<String, String> users) {
        this.users = users;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public String getStaffName() {
        return staffName;
    }

    public void setStaffName(String staffName) {
        this.staffName = staffName;
    }

    public int getSearchMaxResults() {
        return searchMaxResults;
    }

    public void setSearchMaxResults(int searchMaxResults) {
        this.searchMaxResults = searchMaxResults;
    }

    public List<ProblemType> getProblems() {
        return problems;
    }

    public void setProblems(List<ProblemType> problems) {
        this.problems = problems;
    }

    public List<WorkOrderTemplate> getWorkOrderTemplates() {
        return workOrderTemplates;
    }

    public void setWorkOrderTemplates(List<WorkOrderTemplate> workOrderTemplates) {
        this.workOrderTemplates = workOrderTemplates;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    /** One Cityworks problem type (a ProblemLeaf): what a resident's report is filed under. */
    public static class ProblemType {

        private int problemSid;
        private String problemCode;
        private String description;
        /** ProbCategory, the grouping Cityworks shows next to the code. */
        private String category;
        /** The default Priority a new request gets. */
        private String priority;
        /** Listed by {@code Problems {ForPublicOnly:true}}. */
        private boolean forPublicSite = true;
        private int domainId = 1;

        static ProblemType of(int problemSid, String problemCode, String description, String category, String priority) {
            ProblemType type = new ProblemType();
            type.problemSid = problemSid;
            type.problemCode = problemCode;
            type.description = description;
            type.category = category;
            type.priority = priority;
            return type;
        }

        public int getProblemSid() {
            return problemSid;
        }

        public void setProblemSid(int problemSid) {
            this.problemSid = problemSid;
        }

        public String getProblemCode() {
            return problemCode;
        }

        public void setProblemCode(String problemCode) {
            this.problemCode = problemCode;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getPriority() {
            return priority;
        }

        public void setPriority(String priority) {
            this.priority = priority;
        }

        public boolean isForPublicSite() {
            return forPublicSite;
        }

        public void setForPublicSite(boolean forPublicSite) {
            this.forPublicSite = forPublicSite;
        }

        public int getDomainId() {
            return domainId;
        }

        public void setDomainId(int domainId) {
            this.domainId = domainId;
        }
    }

    /** A work order template; its description becomes the work order's Description. */
    public static class WorkOrderTemplate {

        private String woTemplateId;
        private String description;

        static WorkOrderTemplate of(String woTemplateId, String description) {
            WorkOrderTemplate template = new WorkOrderTemplate();
            template.woTemplateId = woTemplateId;
            template.description = description;
            return template;
        }

        public String getWoTemplateId() {
            return woTemplateId;
        }

        public void setWoTemplateId(String woTemplateId) {
            this.woTemplateId = woTemplateId;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    /**
     * A Cityworks webhook with a custom JSON packet. Off while {@code url} is blank. The header is the
     * PacketConfig HeaderData a receiver checks to know the call came from Cityworks.
     */
    public static class Webhook {

        private String url;
        private String headerName;
        private String headerValue;
        private Duration timeout = Duration.ofSeconds(5);
        /** The source events that fire: RequestClosed, RequestCanceled, WorkOrderClosed, WorkOrderCanceled. */
        private List<String> events = new ArrayList<>(List.of("RequestClosed", "WorkOrderClosed"));

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getHeaderName() {
            return headerName;
        }

        public void setHeaderName(String headerName) {
            this.headerName = headerName;
        }

        public String getHeaderValue() {
            return headerValue;
        }

        public void setHeaderValue(String headerValue) {
            this.headerValue = headerValue;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public List<String> getEvents() {
            return events;
        }

        public void setEvents(List<String> events) {
            this.events = events;
        }
    }
}
