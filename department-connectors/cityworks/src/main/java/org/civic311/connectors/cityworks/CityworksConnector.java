package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkUpdate;
import org.civic311.connectors.cityworks.CityworksConnectorProperties.Department;
import org.civic311.connectors.cityworks.CityworksConnectorProperties.Kind;

/**
 * Departments that work in Trimble Cityworks. Each task becomes a service request (or, for departments so
 * configured, a work order) carrying our task key, so a retried push finds it instead of making a second one;
 * closures and cancellations are found by polling and come back with the department's resolution.
 */
public class CityworksConnector implements DepartmentConnector {

    private final CityworksConnectorProperties properties;

    private final CityworksClient client;
    private final Map<Kind, CityworksItems> items = new EnumMap<>(Kind.class);

    /** Only the kinds some department uses are polled: the login may have no rights on the other. */
    private final Set<Kind> kindsInUse = EnumSet.noneOf(Kind.class);

    /**
     * Reads the password file; makes no call to Cityworks, which may be down at start. The settings were checked
     * when they were bound.
     *
     * @throws org.civic311.connectors.InvalidSettingException when the password file cannot be read
     */
    public CityworksConnector(CityworksConnectorProperties properties) {
        this(properties, WindowedSearch.MAX_RESULTS);
    }

    /** @param searchCap the most ids the site's Search answers */
    CityworksConnector(CityworksConnectorProperties properties, int searchCap) {
        this.properties = properties;
        // Its own mapper, so the host application's Jackson settings cannot reshape the wire format.
        ObjectMapper json = new ObjectMapper();
        CityworksDates dates = new CityworksDates(properties.zone());
        this.client = new CityworksClient(properties.baseUrl(), properties.loginName(),
                properties.resolvePassword(), properties.tokenPlacement(), properties.connectTimeout(),
                properties.readTimeout(), json);
        CommentApi comments = new CommentApi(client, dates);
        WorkText text = new WorkText(properties.zone());
        SitePoint point = new SitePoint(properties.coordinates());
        items.put(Kind.SERVICE_REQUEST, new ServiceRequests(new ServiceRequestApi(client, dates, searchCap), comments, text,
                point, new ProblemTypes(client)));
        items.put(Kind.WORK_ORDER, new WorkOrders(
                new WorkOrderApi(client, dates, properties.workOrderTaskField(), searchCap), comments, text, point));
        properties.departments().values().forEach(department -> kindsInUse.add(department.kind()));
    }

    @Override
    public String system() {
        return CityworksRef.SYSTEM;
    }

    /**
     * Finds the service request (by OtherSystemId) or work order (by its task field) an earlier attempt made for
     * this task, or creates it. A lost answer to a Create is therefore harmless: the retry finds what was made.
     */
    @Override
    public ExternalRef push(WorkOrder order) {
        String code = order.department().toLowerCase(Locale.ROOT);
        Department department = properties.department(order.department()).orElseThrow(() -> new ConnectorRefusal(
                "Department '" + order.department() + "' does not work in Cityworks: add "
                        + CityworksConnectorProperties.PREFIX + ".departments." + code
                        + " (its kind: service-request or work-order)"));
        return items.get(department.kind()).push(order, code, department);
    }

    /**
     * Cancels the service request or work order with Cityworks' own Cancel, the reason as its CancelReason. True
     * when it is canceled (now, or by an earlier call); false when staff closed it first or it is gone.
     */
    @Override
    public boolean cancel(ExternalRef item, String reason) {
        CityworksRef.Item named = CityworksRef.item(item);
        return items.get(named.kind()).cancel(named.id(), reason);
    }

    /** Requests and work orders of ours closed or canceled at or after {@code since}, by Cityworks' dates. */
    @Override
    public PulledUpdates pullUpdates(Instant since) {
        List<WorkUpdate> updates = new ArrayList<>();
        for (Kind kind : kindsInUse) {
            updates.addAll(items.get(kind).updatesSince(since));
        }
        return PulledUpdates.all(updates);
    }

    /** The site is reachable and logs the integration's user in. */
    @Override
    public void checkConnection() {
        client.checkLogin();
    }
}
