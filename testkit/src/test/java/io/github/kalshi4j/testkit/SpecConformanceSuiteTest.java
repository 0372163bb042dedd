package io.github.kalshi4j.testkit;

import io.github.kalshi4j.testkit.junit.RunLast;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs last ({@link RunLast}): every REST body and WebSocket frame the testkit's own suite received, from every
 * exchange it started (surefire sets {@value SpecValidation#ENABLED_PROPERTY}), conformed to the specs. Coverage of every modelled
 * operation is the integration tests' job (their suite drives each one through the SDK); this suite reports its own.
 */
@RunLast
class SpecConformanceSuiteTest {

    @Test
    void everyResponseBodyTheSuiteReceivedConformsToTheSpec() {
        assumeTrue(SpecValidation.enabledBySystemProperty(), "validation is off in this run");
        SpecValidation tally = SpecValidation.shared();
        assumeTrue(!tally.validatedSuccesses().isEmpty(), "run alone: no other class sent requests");
        int bodies = tally.assertConforms();
        System.out.println("testkit suite: " + bodies + " response bodies and WebSocket frames validated against the"
                + " specs, " + tally.validatedSuccesses().size() + " operations with a 2xx body, "
                + tally.validatedErrors().size() + " with an error body, " + tally.validatedFrames().size()
                + " frame types; 0 problems");
        assertEquals(0, tally.problems().size());
    }
}
