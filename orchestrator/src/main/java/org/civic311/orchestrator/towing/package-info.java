/** Abandoned vehicles: the tagging period before a tow, on the city's calendar. */
package org.civic311.orchestrator.towing;
