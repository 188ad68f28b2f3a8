/**
 * The public open-data export: every service request without personal data, as CSV after the GeoReport Bulk
 * proposal, streamed.
 */
package org.civic311.orchestrator.opendata;
