package org.civic311.orchestrator.collection;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * When bulky items are collected: on these weekdays (a business day of the city's calendar), or on the area's own,
 * at least {@code noticeDays} business days after the request.
 *
 * @param days       the city's collection weekdays
 * @param areas      service area (as the area rules name it) to that area's collection weekdays
 * @param noticeDays business days the crew needs between the request and the collection
 */
@Validated
@ConfigurationProperties("civic311.collection")
public record CollectionProperties(@DefaultValue("WEDNESDAY") @NotEmpty List<DayOfWeek> days,
                                   Map<String, @NotEmpty List<DayOfWeek>> areas,
                                   @DefaultValue("2") @PositiveOrZero int noticeDays) {

    public CollectionProperties {
        days = List.copyOf(days);
        areas = areas == null ? Map.of() : Map.copyOf(areas);
    }

    List<DayOfWeek> daysIn(String area) {
        return area == null ? days : areas.getOrDefault(area, days);
    }
}
