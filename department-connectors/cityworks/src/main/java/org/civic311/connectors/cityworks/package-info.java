/**
 * Trimble Cityworks (AMS) as a department system, over its REST API ({@code {site}/Services/...}, one
 * {@code data=<JSON>} field, the Status envelope).
 * <p>
 * The raw side speaks Cityworks only: {@code CityworksClient} (transport, login,
 * envelope), {@code ServiceRequestApi}, {@code WorkOrderApi}, {@code CommentApi}, {@code WindowedSearch} (Search's
 * 10,000-id cap, split by time) and the records they read. The
 * mapping side turns Civic311's work orders into Cityworks items and their closures back into updates:
 * {@code ServiceRequests}, {@code WorkOrders}, {@code WorkText}, {@code SitePoint} (X/Y with their WKID),
 * {@code EarlierAttempt} (what a retry finds), {@code CityworksStatus} (the status table) and
 * {@code CityworksRef} (ids {@code SR:<RequestId>} and {@code WO:<WorkOrderId>}).
 */
package org.civic311.connectors.cityworks;
