package org.civic311.orchestrator.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the engine lets a deployed process do.
 *
 * @param scriptsEnabled whether processes may run scripts (script tasks, and scripts in listeners, conditions and
 *                       input/output mappings); off, because a script runs any code the application can
 */
@ConfigurationProperties("civic311.engine")
record EngineProperties(boolean scriptsEnabled) {
}
