package org.civic311.orchestrator.sms;

/**
 * A resident's text that arrived through a verified webhook and is not an opt-out keyword (STOP, START, HELP and
 * their synonyms are handled where they arrive). Published as a Spring application event for whoever asked the
 * resident something.
 *
 * @param from the sender in E.164 form
 * @param body the text as sent
 */
public record InboundSms(String from, String body) {
}
