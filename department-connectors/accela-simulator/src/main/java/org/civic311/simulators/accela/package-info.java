/**
 * A faithful simulator of the Accela Construct API v4 subset a 311 integration uses: the OAuth2 password
 * and refresh grants, record create/read/update/search, custom forms, workflow tasks and comments, with
 * Accela's headers, envelopes, id formats and error codes.
 * <p>
 * One package, so that everything except {@link org.civic311.simulators.accela.AccelaSimulator} (the bean
 * tests and the demo drive), its configuration and its wiring stays package-private.
 */
package org.civic311.simulators.accela;
