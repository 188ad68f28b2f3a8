package org.civic311.orchestrator.routing;

import org.kie.api.runtime.KieContainer;

/**
 * The rules in force now. Every decision asks for them anew, so rules deployed while the application runs are used
 * from the next decision on. Knowledge bases are named after the folders of {@code rules/}: routing, sla, ...
 */
@FunctionalInterface
public interface ActiveRules {

    KieContainer container();
}
