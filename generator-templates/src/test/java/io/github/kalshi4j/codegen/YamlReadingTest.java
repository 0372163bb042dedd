package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** How the spec reader reads YAML scalars that YAML 1.1 would take for booleans. */
class YamlReadingTest {

    @Test
    void yesNoOnOffStayStrings_onlyTrueAndFalseAreBooleans() throws Exception {
        JsonNode doc = PrepareSpecs.yamlMapper().readTree("""
                enum: [yes, no, on, off, y, n, Yes, NO, 'true', true, false, True]
                yes: key
                nested:
                  - {side: no, count: 3, price: 0.56, big: 123456789012, none: null}
                """);
        assertEquals("[\"yes\",\"no\",\"on\",\"off\",\"y\",\"n\",\"Yes\",\"NO\",\"true\",true,false,true]",
                doc.get("enum").toString());
        assertEquals("key", doc.get("yes").asText());
        JsonNode item = doc.at("/nested/0");
        assertEquals("no", item.get("side").asText());
        assertTrue(item.get("side").isTextual());
        assertEquals(3, item.get("count").intValue());
        assertEquals(0.56, item.get("price").doubleValue());
        assertEquals(123456789012L, item.get("big").longValue());
        assertTrue(item.get("none").isNull());
    }

    @Test
    void thePinnedOpenApisOutcomeSideEnumIsYesAndNo() {
        JsonNode spec = Repo.pinnedSpec("openapi");
        JsonNode values = spec.at("/components/schemas/Order/properties/outcome_side/enum");
        assertEquals("[\"yes\",\"no\"]", values.toString());
    }
}
