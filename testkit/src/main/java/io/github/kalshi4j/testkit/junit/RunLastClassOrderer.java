package io.github.kalshi4j.testkit.junit;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/**
 * Runs test classes by name, those marked {@link RunLast} after all the others. Turn it on for a whole suite in
 * {@code src/test/resources/junit-platform.properties}:
 *
 * <pre>{@code
 * junit.jupiter.testclass.order.default=io.github.kalshi4j.testkit.junit.RunLastClassOrderer
 * }</pre>
 */
public final class RunLastClassOrderer implements ClassOrderer {

    /** Creates the orderer; JUnit instantiates it from the configuration parameter. */
    public RunLastClassOrderer() {
    }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> d.isAnnotated(RunLast.class))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
