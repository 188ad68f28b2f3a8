/**
 * Accela Civic Platform as a department system, through the Construct API v4.
 * <p>
 * {@link org.civic311.connectors.accela.AccelaClient} is the raw client (OAuth2 password grant with refresh,
 * Accela's headers and envelopes) and knows nothing of Civic311;
 * {@link org.civic311.connectors.accela.WorkOrderRecord} and
 * {@link org.civic311.connectors.accela.RecordWorkUpdates} map our work orders to records and records back to
 * updates, through the one status table {@link org.civic311.connectors.accela.AccelaStatuses}.
 * <p>
 * A record is found again by our tag in {@code shortNotes}, which the create call itself writes, so a retry never
 * makes a second record.
 */
package org.civic311.connectors.accela;
