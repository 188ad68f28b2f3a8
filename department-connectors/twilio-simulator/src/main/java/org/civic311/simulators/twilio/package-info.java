/**
 * A faithful simulator of Twilio's Programmable Messaging REST API (the Messages resource), so Civic311's SMS can be
 * built, tested and demonstrated where Twilio is not reachable and nothing may be texted for real.
 *
 * <p>Faithful means: Twilio's paths under {@code /2010-04-01/Accounts/{AccountSid}}, HTTP Basic with the account SID
 * and auth token, form-encoded creates, Twilio's JSON (SM… sids, counts as strings, RFC 2822 dates), its error
 * bodies and codes, the magic numbers of test credentials, status callbacks signed with {@code X-Twilio-Signature},
 * and Twilio's own STOP/START/HELP handling. The module's README.md says which behaviour comes from which public
 * Twilio source.
 *
 * <p>Entry points: {@link org.civic311.simulators.twilio.TwilioSimulatorAutoConfiguration} (a host application sets
 * {@code civic311.simulators.twilio.enabled=true}), {@link org.civic311.simulators.twilio.TwilioSimulator} (messages,
 * opt-outs, a resident texting in, an outage) and {@link org.civic311.simulators.twilio.TwilioSimulatorApplication}
 * (standalone, port 8083).
 */
package org.civic311.simulators.twilio;
