package org.civic311.connectors;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

/**
 * A connect, read or write timeout setting: given, and more than zero, which mail and HTTP clients take as
 * "wait for ever" — a stalled server would then hold a job thread for good.
 */
@Documented
@Constraint(validatedBy = {})
@NotNull
@DurationMin(millis = 1)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Timeout {

    String message() default "must be positive: 0 would wait for ever";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
