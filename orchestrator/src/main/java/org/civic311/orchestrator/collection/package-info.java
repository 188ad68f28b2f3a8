/**
 * Bulky item pickup: the collection day agreed with the resident, from the area's collection weekdays
 * ({@code civic311.collection}) and the city's business calendar.
 */
package org.civic311.orchestrator.collection;
