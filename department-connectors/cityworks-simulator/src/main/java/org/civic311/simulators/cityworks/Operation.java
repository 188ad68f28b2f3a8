package org.civic311.simulators.cityworks;

/** A Cityworks service method: turns a call into the envelope's Value, or throws a {@link CityworksFault}. */
@FunctionalInterface
interface Operation {

    Object handle(Call call);
}
