package io.github.kalshi4j.it;

import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.SpecValidation;
import io.github.kalshi4j.testkit.junit.RunLast;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs last ({@link RunLast}): over the whole integration suite, every operation the local exchange models
 * answered at least one 2xx body validated against the spec, and no body (success or error) failed validation.
 */
@RunLast
class SpecConformanceSuiteTest {

    @Test
    void everyModelledOperationWasValidated_andNoBodyFailedValidation() {
        SpecValidation tally = SpecValidation.shared();
        assumeTrue(tally.validatedSuccesses().size() > 5, "run alone or in a partial run: the tally is not the suite's");
        int bodies = tally.assertConforms();
        Set<String> modelled = LocalKalshiExchange.builder().build().modeledOperations();
        System.out.println("integration suite: " + bodies + " response bodies validated, " + tally.validatedSuccesses().size()
                + " of " + modelled.size() + " modelled operations with a 2xx body, error bodies of "
                + tally.validatedErrors().keySet() + "; 0 problems");
        tally.assertCovers(modelled);
        assertEquals(0, tally.problems().size());
    }
}
