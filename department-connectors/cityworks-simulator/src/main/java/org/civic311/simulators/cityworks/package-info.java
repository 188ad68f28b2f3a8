/**
 * A faithful simulator of the Trimble Cityworks (AMS) REST API subset a 311 integration uses, so the
 * Cityworks connector can be built and tested where no Cityworks server is reachable.
 *
 * <p>Faithful means: the same paths (matched in any case) under a site base path, the single
 * {@code data=<JSON>} parameter, the token as a field or an {@code Authorization: cityworks} header (from
 * version 23 the header only), HTTP 200 with the {@code {Status, Message, Value, ErrorMessages, ...}} envelope
 * (or HTTP 401 for a refused token, when set so), the documented message codes, RequestId numbers, WorkOrderId
 * strings and server-local dates in the configured zone. Sources: Azteca's cw-sdk 15.8.3 type definitions and the
 * walker/cityworks client; the module's README.md says which behaviour comes from where.
 *
 * <p>Entry points: {@link org.civic311.simulators.cityworks.CityworksSimulatorAutoConfiguration} (a host
 * application sets {@code civic311.simulators.cityworks.enabled=true}),
 * {@link org.civic311.simulators.cityworks.CityworksSimulator} (state, staff actions, fault injection) and
 * {@link org.civic311.simulators.cityworks.CityworksSimulatorApplication} (standalone, port 8081).
 */
package org.civic311.simulators.cityworks;
