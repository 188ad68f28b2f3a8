/**
 * Duplicate reports: found at intake by the rules of {@code rules/duplicates/} and the grid index of open requests,
 * corrected by staff (linked to another request, or unlinked and sent on their own). A duplicate keeps its tracking
 * number, sends no department task, and follows its parent's status.
 */
package org.civic311.orchestrator.duplicates;
