/**
 * What an operator reads when a start fails on its settings: one line per setting, naming it, pointing to
 * docs/configuration.md and to the demo profile.
 */
package org.civic311.orchestrator.settings;
