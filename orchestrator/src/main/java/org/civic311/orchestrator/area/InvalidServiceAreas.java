package org.civic311.orchestrator.area;

import org.civic311.connectors.InvalidSettingException;

/** The configured service areas cannot be used; the message names the file and the feature. Stops the start. */
class InvalidServiceAreas extends InvalidSettingException {

    InvalidServiceAreas(String message) {
        super(message);
    }
}
