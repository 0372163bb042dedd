package io.github.kalshi4j.it;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/**
 * Runs test classes by name, {@link SpecConformanceSuiteTest} last: it checks the suite-wide tally of spec-validated
 * response bodies, which is only complete once every other class has run.
 */
public final class SuiteOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> d.getTestClass() == SpecConformanceSuiteTest.class)
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
