package org.civic311.orchestrator.opendata;

import java.util.List;
import java.util.function.Function;

import org.civic311.orchestrator.open311.W3cTime;
import org.civic311.orchestrator.request.PublicRequest;
import org.civic311.orchestrator.request.PublishedRequest;

/**
 * The export's columns: those of the GeoReport Bulk proposal first, in its order, then Civic311's own. Each value
 * comes from the request's public view, so no column can carry what Open311 keeps private.
 */
final class OpenDataColumns {

    record Column(String name, Function<PublishedRequest, Object> value) {
    }

    private final List<Column> columns;

    OpenDataColumns(W3cTime time) {
        columns = List.of(
                column("service_request_id", PublicRequest::trackingNumber),
                column("requested_datetime", r -> time.format(r.requestedAt())),
                column("updated_datetime", r -> time.format(r.updatedAt())),
                new Column("closed_date", p -> time.format(p.closedAt())),
                column("status_description", r -> r.status().open311()),
                column("status_notes", PublicRequest::statusNotes),
                column("source", PublicRequest::channel),
                column("service_name", PublicRequest::serviceName),
                // The proposal's column; Civic311's request types have no subtypes, so it stays empty.
                new Column("service_subtype", p -> null),
                column("description", PublicRequest::description),
                column("agency_responsible", PublicRequest::agencyResponsible),
                column("address", PublicRequest::address),
                column("lat", PublicRequest::lat),
                column("long", PublicRequest::lon),
                column("service_code", PublicRequest::serviceCode),
                column("expected_datetime", r -> time.format(r.expectedAt())),
                column("address_id", PublicRequest::addressId),
                column("zipcode", PublicRequest::zipcode),
                new Column("area", PublishedRequest::area),
                new Column("duplicate_of", PublishedRequest::duplicateOf),
                column("media_url", PublicRequest::mediaUrl));
    }

    private static Column column(String name, Function<PublicRequest, Object> value) {
        return new Column(name, published -> value.apply(published.request()));
    }

    String[] header() {
        return columns.stream().map(Column::name).toArray(String[]::new);
    }

    Object[] values(PublishedRequest request) {
        return columns.stream().map(c -> c.value().apply(request)).toArray();
    }
}
