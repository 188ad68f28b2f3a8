/**
 * The connector API: the one interface ({@link org.civic311.connectors.DepartmentConnector}) and the few
 * records a department system is plugged in with. Each system is one module that implements it.
 */
package org.civic311.connectors;
