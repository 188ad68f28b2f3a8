package org.civic311.connectors.cityworks;

/** The work order contract against a Cityworks 23 site (see {@link CityworksUnityContractTest}). */
@SimulatedCityworks
@UnitySite
class CityworksUnityWorkOrderContractTest extends CityworksWorkOrderContractTest {

    @Override
    protected String[] siteSettings() {
        return UnitySite.SETTINGS;
    }
}
