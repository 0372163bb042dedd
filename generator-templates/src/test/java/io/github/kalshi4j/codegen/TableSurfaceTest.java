package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableSurfaceTest {

    static final String SPEC = """
            openapi: 3.0.3
            paths:
              /markets:
                get:
                  operationId: GetMarkets
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/GetMarketsResponse'}
            components:
              schemas:
                FixedPointDollars:
                  type: string
                  description: Fixed-point dollars. Requests accept 2-4 decimals; responses emit up to 6.
                FixedPointCount:
                  type: string
                  description: Fixed-point count (responses always emit 2 decimals).
                GetMarketsResponse:
                  type: object
                  properties:
                    cursor: {type: string}
                    markets: {type: array, items: {$ref: '#/components/schemas/Market'}}
                Market:
                  type: object
                  properties:
                    ticker: {type: string}
                    status: {type: string, enum: [open, closed]}
                    yes_bid_dollars: {$ref: '#/components/schemas/FixedPointDollars'}
                    volume_fp: {type: string}
                    close_time: {type: string, format: date-time}
                    strike: {type: number, format: double}
                    tags: {type: array, items: {type: string}}
                    price: {$ref: '#/components/schemas/Distribution'}
                    price_ranges: {type: array, items: {$ref: '#/components/schemas/Range'}}
                    custom: {type: object, additionalProperties: true}
                    parent: {$ref: '#/components/schemas/Market'}
                Distribution:
                  type: object
                  properties:
                    open_dollars: {type: string}
                    count: {type: integer, format: int64}
                Range:
                  type: object
                  properties:
                    start: {type: string}
                    step_dollars: {type: string}
            """;

    @Test
    void aListedModelBecomesATableWithFlattenedTypedColumnsAndTheSpecsScales() throws Exception {
        ObjectNode spec = (ObjectNode) Repo.yaml(SPEC);
        SpecNormalizer.normalizeOpenApi(spec);
        TableSurface.derive(spec);
        JsonNode tables = spec.get("x-kalshi4j-tables");
        assertEquals(1, tables.size());
        JsonNode market = tables.get(0);
        assertEquals("MARKET", market.get("constant").asText());
        assertEquals("GetMarketsResponse", market.get("responses").get(0).asText());
        List<String> columns = new ArrayList<>();
        market.get("columns").forEach(c -> columns.add(c.get("name").asText() + ":" + c.get("kind").asText()
                + (c.get("kind").asText().equals("DECIMAL") ? "(" + c.get("scale").asInt() + ")" : "")
                + (c.get("list").asBoolean() ? "[]" : "")));
        assertEquals(List.of("ticker:STRING", "status:STRING", "yes_bid_dollars:DECIMAL(6)", "volume_fp:DECIMAL(2)",
                "close_time:TIMESTAMP", "strike:FLOAT64", "tags:STRING[]", "price.open_dollars:DECIMAL(6)",
                "price.count:INT64", "price_ranges.start:STRING[]", "price_ranges.step_dollars:DECIMAL(6)[]",
                "custom:JSON", "parent:JSON"), columns);
        JsonNode step = market.get("columns").get(10);
        assertEquals("[\"price_ranges\"]", step.get("path").toString());
        assertEquals("[\"step_dollars\"]", step.get("itemPath").toString());
    }

    @Test
    void aFixedPointTypeThatStatesNoScaleFailsTheBuildSayingWhatToDo() throws Exception {
        ObjectNode spec = (ObjectNode) Repo.yaml(SPEC.replace("responses emit up to 6", "responses vary"));
        SpecNormalizer.normalizeOpenApi(spec);
        SpecException e = assertThrows(SpecException.class, () -> TableSurface.derive(spec));
        assertTrue(e.getMessage().contains("FixedPointDollars") && e.getMessage().contains("x-kalshi4j-scale"),
                e.getMessage());
        ((ObjectNode) spec.at("/components/schemas/FixedPointDollars")).put("x-kalshi4j-scale", 4);
        TableSurface.derive(spec);
        assertEquals(4, spec.at("/x-kalshi4j-tables/0/columns/2/scale").asInt());
    }
}
