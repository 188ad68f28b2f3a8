/**
 * Work that nears or passes its service level: the warning email to the department's supervisors, the escalation
 * record, the supervisors' actions (extend, send again, close, note) and a request whose process staff ended. The
 * process timers that call this live in processes/department-work.bpmn; the engine bridge is in workflow.
 */
package org.civic311.orchestrator.escalation;
