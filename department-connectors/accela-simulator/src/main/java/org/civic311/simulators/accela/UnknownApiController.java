package org.civic311.simulators.accela;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anything under the simulator's base path that is not one of its operations, including a known path with
 * a method it does not take: 404 {@code api_not_found}, as apis.accela.com answers. Matched last, since
 * every other mapping is more specific.
 */
@RestController
class UnknownApiController {

    @RequestMapping("${civic311.simulators.accela.base-path:/sim/accela}/**")
    void unknown(HttpServletRequest request) {
        throw new AccelaApiException(404, "api_not_found", "The requested api is not found.",
                request.getMethod() + " " + request.getRequestURI() + " is not an operation of this simulator.");
    }
}
