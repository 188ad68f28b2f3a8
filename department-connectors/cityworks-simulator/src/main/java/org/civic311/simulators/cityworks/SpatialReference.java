package org.civic311.simulators.cityworks;

/**
 * The spatial reference of a Create's X/Y. Both service request and work order Create take {@code WKID} or
 * {@code WKT} (cw-sdk 15.8.3); without either, a site takes X/Y to be in its own map's reference, whatever they are.
 * The simulator keeps which one applied, so a test can see what a site would have made of the point.
 */
final class SpatialReference {

    private SpatialReference() {
    }

    /** The WKID X/Y were given in; -1 for a WKT (kept as given); null without X and Y. */
    static Integer of(DataParameter data, int siteWkid) {
        if (!data.has("X") || !data.has("Y")) {
            return null;
        }
        if (data.has("WKID")) {
            return Math.toIntExact(data.requiredNumber("WKID"));
        }
        return data.has("WKT") ? -1 : siteWkid;
    }
}
