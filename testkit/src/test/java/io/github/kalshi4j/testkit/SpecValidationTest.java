package io.github.kalshi4j.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator catches non-conforming success and error bodies, against the pinned spec read at run time. */
class SpecValidationTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSuccessBodyMissingARequiredPropertyIsAProblem() {
        SpecValidation v = new SpecValidation(SpecValidator.locate());
        v.observe("GetBalance", 200, json("{\"balance_dollars\": \"1.0000\", \"portfolio_value\": 1, \"updated_ts\": 1}"));
        List<String> problems = v.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("missing required property balance"), problems.get(0));
        assertThrows(AssertionError.class, v::assertConforms);
    }

    @Test
    void errorBodiesAreCheckedAgainstTheDeclaredErrorResponse() {
        SpecValidation v = new SpecValidation(SpecValidator.locate());
        v.observe("GetMarket", 404, json("{\"code\": \"market_not_found\", \"message\": \"no market\"}"));
        v.observe(null, 404, json("{\"code\": \"not_found\", \"message\": \"no such endpoint\"}"));
        assertEquals(List.of(), v.problems());
        v.observe("GetMarket", 404, json("{\"code\": 404, \"message\": \"no market\"}"));
        v.observe("GetMarket", 500, json("<html>bad gateway</html>"));
        assertEquals(2, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).contains("$.code should be a string"), v.problems().get(0));
    }

    @Test
    void everyBodyAnExchangeSendsIsObserved_successAndError() {
        SpecValidation v = new SpecValidation(SpecValidator.locate());
        try (LocalKalshiExchange ex = LocalKalshiExchange.builder().specValidation(v).start();
             var client = ex.publicClient()) {
            client.exchange().getExchangeStatus();
            assertThrows(RuntimeException.class, () -> client.markets().getMarket("NO-SUCH-MARKET"));
        }
        assertEquals(1, v.validatedSuccesses().get("GetExchangeStatus"));
        assertEquals(1, v.validatedErrors().get("GetMarket"));
        assertEquals(List.of(), v.problems());
        assertTrue(v.notValidated(java.util.Set.of("GetExchangeStatus", "GetMarket")).contains("GetMarket"));
    }

    @Test
    void anEmptyAnswerConformsOnlyWhereTheSpecDeclaresNoBody() {
        SpecValidation v = new SpecValidation(SpecValidator.locate());
        v.observe("CancelAllOrders", 204, new byte[0]);
        assertTrue(v.problems().isEmpty(), v.problems().toString());
        assertEquals(1, v.validatedSuccesses().get("CancelAllOrders"));

        v.observe("GetBalance", 200, new byte[0]);
        assertEquals(1, v.problems().size(), v.problems().toString());
    }
}
