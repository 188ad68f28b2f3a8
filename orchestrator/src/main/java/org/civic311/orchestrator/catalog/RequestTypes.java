package org.civic311.orchestrator.catalog;

import java.util.List;
import java.util.Optional;

/** The request types on offer: the deployed processes that declare themselves Open311 services. */
public interface RequestTypes {

    List<RequestType> all();

    Optional<RequestType> find(String serviceCode);
}
