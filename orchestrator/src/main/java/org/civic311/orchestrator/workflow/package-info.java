/**
 * The bridge to the Camunda engine, and the only package that imports {@code org.camunda}: process start,
 * the delegate beans the BPMN files name ({@code ${routeRequest}}, {@code ${dispatchTask}},
 * {@code ${closeRequest}}, {@code ${notifyResident}}, {@code ${reopenRequest}},
 * {@code ${warnSupervisors}}, {@code ${recordOverdue}}, the request types' own steps {@code ${agreeCollectionDate}},
 * {@code ${tagVehicle}}, {@code ${checkRequestOpen}} and the escalation form's task listener
 * {@code ${applySupervisorAction}}; the only beans an expression can reach), message correlation, cancelled
 * processes closing their requests, the request-type catalog read from the deployed processes, and what the engine
 * allows: its configured administrator, the staff (from the settings or the city's directory) and their rights, no
 * Admin setup page, no scripts unless enabled.
 */
package org.civic311.orchestrator.workflow;
