package org.civic311.connectors.cityworks;

import org.civic311.connectors.WorkOrder;

/**
 * A location's point as both service request and work order Create take it: X/Y with the spatial reference they
 * are in (cw-sdk 15.8.3 has WKID and WKT on both). Residents' apps give WGS84 longitude/latitude, so X/Y go with
 * WKID 4326 and the site projects them into its own map. Without a WKID a site takes X/Y to be in its map's
 * reference, so a point is never sent bare; a site that cannot project from WGS84 is set to send none
 * ({@code coordinates: none}) and geocodes the Address instead.
 */
final class SitePoint {

    static final int WGS84 = 4326;

    private final CityworksConnectorProperties.Coordinates coordinates;

    SitePoint(CityworksConnectorProperties.Coordinates coordinates) {
        this.coordinates = coordinates;
    }

    CallData addTo(CallData data, WorkOrder.Location where) {
        if (coordinates == CityworksConnectorProperties.Coordinates.WGS84 && where.lat() != null && where.lon() != null) {
            data.put("X", where.lon()).put("Y", where.lat()).put("WKID", WGS84);
        }
        return data;
    }
}
