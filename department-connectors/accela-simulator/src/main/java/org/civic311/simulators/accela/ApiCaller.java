package org.civic311.simulators.accela;

/**
 * The verified caller of an API operation. Declaring it as a controller parameter is what makes an
 * operation require a valid token and matching headers ({@link ApiCallerResolver}).
 */
record ApiCaller(Grant grant) {

    String userId() {
        return grant.userId();
    }
}
