package io.github.kalshi4j.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that {@link RunLastClassOrderer} runs after every other class: a suite-wide check, such as
 * asserting the shared {@link io.github.kalshi4j.testkit.SpecValidation#shared() spec-validation tally}, is only
 * complete once the rest of the suite has run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunLast {
}
