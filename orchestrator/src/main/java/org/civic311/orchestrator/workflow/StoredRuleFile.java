package org.civic311.orchestrator.workflow;

import org.civic311.orchestrator.routing.RuleFile;

/** A rule file as a deployment stored it. */
record StoredRuleFile(String deploymentId, RuleFile file) {
}
