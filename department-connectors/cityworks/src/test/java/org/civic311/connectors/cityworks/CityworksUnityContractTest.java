package org.civic311.connectors.cityworks;

/**
 * The connector contract against a Cityworks 23 site: the token is read from the Authorization header only, a bad
 * or expired token (or login) is HTTP 401, and the server keeps Chicago time.
 */
@SimulatedCityworks
@UnitySite
class CityworksUnityContractTest extends CityworksConnectorContractTest {

    @Override
    protected String[] siteSettings() {
        return UnitySite.SETTINGS;
    }
}
