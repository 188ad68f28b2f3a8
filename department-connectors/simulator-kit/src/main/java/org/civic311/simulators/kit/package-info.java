/**
 * What every simulator of an outside system (Cityworks, Accela, Twilio) shares, so each simulator holds only what
 * its system does: {@link org.civic311.simulators.kit.Outage} (the system down, answers lost on the way back),
 * {@link org.civic311.simulators.kit.SimulatorClock} (a server clock tests can move),
 * {@link org.civic311.simulators.kit.IssuedTokens} (the tokens issued and what each stands for, expired or not) and
 * {@link org.civic311.simulators.kit.StandaloneSimulator} (running a simulator on its own, with its own settings
 * file).
 */
package org.civic311.simulators.kit;
