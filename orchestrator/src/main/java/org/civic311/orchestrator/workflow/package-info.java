/**
 * The bridge to the Camunda engine, and the only package that imports {@code org.camunda}: process start,
 * the delegate beans the BPMN files name ({@code ${routeRequest}}, {@code ${dispatchTask}},
 * {@code ${closeRequest}}, {@code ${notifyResident}}), message correlation and the request-type catalog
 * read from the deployed processes.
 */
package org.civic311.orchestrator.workflow;
