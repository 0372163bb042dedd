package io.github.kalshi4j.codegen;

import static io.github.kalshi4j.codegen.Repo.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** The rewrite of a spec into the form the templates expect; meaning is kept, only annotations are added. */
class SpecNormalizerTest {

    static final String SPEC = """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            tags:
              - name: market
            paths:
              /markets:
                get:
                  operationId: GetMarkets
                  tags: [market]
                  parameters:
                    - $ref: '#/components/parameters/CursorQuery'
                    - name: limit
                      in: query
                      schema: {type: integer}
                    - name: min_price_dollars
                      in: query
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/GetMarketsResponse'}
              /markets/{ticker}:
                get:
                  operationId: GetMarket
                  tags: [market]
                  parameters:
                    - name: ticker
                      in: path
                      required: true
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Market'}
              /portfolio/orders/{order_id}/amend:
                post:
                  operationId: AmendOrder
                  tags: [portfolio]
                  parameters:
                    - name: order_id
                      in: path
                      required: true
                      schema: {type: string}
                    - name: depth
                      in: query
                      required: true
                      schema: {type: integer}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/AmendBody'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Empty'}
            components:
              parameters:
                CursorQuery:
                  name: cursor
                  in: query
                  schema: {type: string}
              schemas:
                FixedPointDollars:
                  type: string
                  description: Dollars as a decimal string.
                FixedPointCount:
                  type: string
                Side:
                  type: string
                  enum: ['yes', 'no']
                Market:
                  type: object
                  properties:
                    yes_bid_dollars: {type: string}
                    volume_fp: {type: string}
                    price: {type: integer}
                    price_dollars: {type: string}
                    settlement_dollars:
                      type: string
                      enum: [pending, final]
                    status:
                      type: string
                      enum: [open, closed]
                    notional_value:
                      $ref: '#/components/schemas/FixedPointDollars'
                    fee:
                      $ref: '#/components/schemas/FixedPointDollars'
                      description: Fee charged.
                    count:
                      $ref: '#/components/schemas/FixedPointCount'
                    side:
                      $ref: '#/components/schemas/Side'
                    yes_dollars_fp:
                      type: array
                      items:
                        type: array
                        items: {type: string}
                    created_time: {type: string, format: date-time}
                GetMarketsResponse:
                  type: object
                  required: [markets]
                  properties:
                    cursor: {type: string}
                    markets:
                      type: array
                      items: {$ref: '#/components/schemas/Market'}
                AmendBody:
                  type: object
                  required: [count, ticker]
                  properties:
                    ticker: {type: string}
                    count: {type: integer}
                    count_fp: {$ref: '#/components/schemas/FixedPointCount'}
                    yes_price: {type: integer, minimum: 1, maximum: 99}
                    yes_price_dollars: {$ref: '#/components/schemas/FixedPointDollars'}
                    target_cost_centi_cents: {type: integer, format: int64}
                    target_cost_dollars: {$ref: '#/components/schemas/FixedPointDollars'}
                    buy_max_cost: {type: integer}
                Empty:
                  type: object
                Event:
                  type: object
                  properties:
                    type:
                      type: string
                      const: market_lifecycle
                    market_ticker: {type: string}
            """;

    static ObjectNode normalized() {
        ObjectNode spec = yaml(SPEC);
        SpecNormalizer.normalizeOpenApi(spec);
        return spec;
    }

    static JsonNode marketProperty(ObjectNode spec, String name) {
        return spec.at("/components/schemas/Market/properties/" + name);
    }

    @Test
    void dollarsStringsBecomeDecimalMoneyWithAShortAccessor() {
        JsonNode p = marketProperty(normalized(), "yes_bid_dollars");
        assertEquals("string", p.path("type").asText());
        assertEquals("number", p.path("format").asText());
        assertEquals("dollars", p.path("x-kalshi4j-money").asText());
        assertEquals("yesBid", p.path("x-kalshi4j-short").asText());
    }

    @Test
    void fpStringsBecomeDecimalCountsWithAShortAccessor() {
        JsonNode p = marketProperty(normalized(), "volume_fp");
        assertEquals("number", p.path("format").asText());
        assertEquals("count", p.path("x-kalshi4j-money").asText());
        assertEquals("volume", p.path("x-kalshi4j-short").asText());
    }

    @Test
    void noShortAccessorWhenItWouldCollideWithAnotherProperty() {
        JsonNode p = marketProperty(normalized(), "price_dollars");
        assertEquals("dollars", p.path("x-kalshi4j-money").asText(), "still money");
        assertFalse(p.has("x-kalshi4j-short"), "price_dollars -> price would collide with the price property");
    }

    @Test
    void enumStringsAreNotMoney_evenWhenNamedLikeMoney_andOnlyGainTheirUnknownName() {
        ObjectNode before = yaml(SPEC);
        ObjectNode spec = normalized();
        for (String path : new String[] {"/components/schemas/Market/properties/settlement_dollars",
                "/components/schemas/Market/properties/status", "/components/schemas/Side"}) {
            ObjectNode expected = before.at(path).deepCopy();
            expected.put("x-kalshi4j-unknown", "UNKNOWN");
            assertEquals(expected, spec.at(path), path);
        }
        assertEquals(before.at("/components/schemas/Market/properties/side"), marketProperty(spec, "side"), "enum $ref kept");
    }

    @Test
    void enumWithItsOwnUnknownValue_namesTheSdkConstantDifferently() {
        ObjectNode schema = yaml("{type: string, enum: [active, unknown]}");
        SpecNormalizer.normalizeEnum(schema);
        assertEquals("UNKNOWN_TO_SDK_VERSION", schema.get("x-kalshi4j-unknown").asText());
    }

    @Test
    void integerEnum_becomesAPlainInteger_keepingItsValues() {
        ObjectNode schema = yaml("{type: integer, enum: [1, 2, 3]}");
        SpecNormalizer.normalizeEnum(schema);
        assertFalse(schema.has("enum"));
        assertEquals(3, schema.get("x-kalshi4j-allowed").size());
    }

    @Test
    void refsToFixedPointDollarsAreInlinedSoTheMoneyTagSurvives() {
        ObjectNode spec = normalized();
        JsonNode p = marketProperty(spec, "notional_value");
        assertFalse(p.has("$ref"));
        assertEquals("string", p.path("type").asText());
        assertEquals("number", p.path("format").asText());
        assertEquals("dollars", p.path("x-kalshi4j-money").asText());
        assertEquals("Dollars as a decimal string.", p.path("description").asText());

        JsonNode fee = marketProperty(spec, "fee");
        assertFalse(fee.has("$ref"));
        assertEquals("Fee charged.", fee.path("description").asText(), "the property's own description wins");
        assertEquals("dollars", fee.path("x-kalshi4j-money").asText());

        JsonNode count = marketProperty(spec, "count");
        assertFalse(count.has("$ref"));
        assertEquals("count", count.path("x-kalshi4j-money").asText());
        assertEquals("number", spec.at("/components/schemas/FixedPointDollars/format").asText());
    }

    @Test
    void dollarsFpArraysOfArraysBecomeDecimalLevels() {
        JsonNode p = marketProperty(normalized(), "yes_dollars_fp");
        assertEquals("levels", p.path("x-kalshi4j-money").asText());
        assertEquals("number", p.at("/items/items/format").asText());
        assertFalse(p.has("x-kalshi4j-short"));
    }

    @Test
    void otherFormatsAreNotTouched() {
        JsonNode p = marketProperty(normalized(), "created_time");
        assertEquals("date-time", p.path("format").asText());
        assertFalse(p.has("x-kalshi4j-money"));
    }

    @Test
    void moneyQueryParametersAreDecimalsToo() {
        JsonNode param = normalized().at("/paths/~1markets/get/parameters/2");
        assertEquals("min_price_dollars", param.path("name").asText());
        assertEquals("number", param.at("/schema/format").asText());
        assertEquals("dollars", param.at("/schema/x-kalshi4j-money").asText());
    }

    @Test
    void constBecomesAVendorExtensionAndTheSchemaLearnsItsType() {
        ObjectNode spec = normalized();
        JsonNode event = spec.at("/components/schemas/Event");
        JsonNode type = event.at("/properties/type");
        assertFalse(type.has("const"), "OpenAPI 3.0 has no const");
        assertEquals("market_lifecycle", type.path("x-kalshi4j-const").asText());
        assertEquals("string", type.path("type").asText());
        assertEquals("market_lifecycle", event.path("x-kalshi4j-const-type").asText());
    }

    @Test
    void aConstWithoutATypeIsAString() {
        ObjectNode spec = yaml("""
                openapi: 3.0.0
                components:
                  schemas:
                    Msg:
                      type: object
                      properties:
                        type: {const: ticker}
                """);
        SpecNormalizer.normalizeOpenApi(spec);
        assertEquals("string", spec.at("/components/schemas/Msg/properties/type/type").asText());
        assertEquals("ticker", spec.at("/components/schemas/Msg/x-kalshi4j-const-type").asText());
    }

    @Test
    void aCursorOperationGetsThePaginationExtension() {
        JsonNode p = normalized().at("/paths/~1markets/get/x-kalshi4j-pagination");
        assertEquals("cursor", p.path("cursorField").asText());
        assertEquals("cursor", p.path("cursorGetter").asText());
        assertEquals("GetMarketsResponse", p.path("responseSchema").asText());
        assertEquals("markets", p.path("itemsField").asText());
        assertEquals("markets", p.path("itemsGetter").asText());
        assertEquals("Market", p.path("itemType").asText());
    }

    @Test
    void anOperationWithoutACursorHasNoPagination() {
        assertTrue(normalized().at("/paths/~1markets~1{ticker}/get/x-kalshi4j-pagination").isMissingNode());
    }

    @Test
    void anEmptyObjectSchemaIsClosedSoTheGeneratorEmitsAModel() {
        ObjectNode spec = normalized();
        JsonNode empty = spec.at("/components/schemas/Empty");
        assertTrue(empty.path("properties").isObject());
        assertEquals(0, empty.path("properties").size());
        assertTrue(empty.has("x-is-free-form"));
        assertFalse(empty.path("x-is-free-form").asBoolean(true));
        assertEquals("Empty", spec.at("/paths/~1portfolio~1orders~1{order_id}~1amend/post/x-kalshi4j-return-type").asText());
    }

    @Test
    void operationsLearnTheirTagAndArgumentShape() {
        ObjectNode spec = normalized();
        JsonNode list = spec.at("/paths/~1markets/get");
        assertEquals("market", list.path("x-kalshi4j-tag").asText(), "the spec's tag");
        assertEquals("markets", list.at("/tags/0").asText(), "renamed for the accessor");
        assertTrue(list.path("x-kalshi4j-has-args").asBoolean());
        assertTrue(list.path("x-kalshi4j-query-optional").asBoolean());
        assertFalse(list.path("x-kalshi4j-has-pathbody").asBoolean());

        JsonNode amend = spec.at("/paths/~1portfolio~1orders~1{order_id}~1amend/post");
        assertEquals("portfolio", amend.path("x-kalshi4j-tag").asText());
        assertTrue(amend.path("x-kalshi4j-sep-path").asBoolean());
        assertTrue(amend.path("x-kalshi4j-sep-body").asBoolean());
        assertTrue(amend.path("x-kalshi4j-pb-sep").asBoolean());
        assertFalse(amend.has("x-kalshi4j-query-optional"), "a required query parameter makes params mandatory");
    }

    @Test
    void requestBodiesLoseTheLegacyIntegerWhereAFixedPointSiblingExists() {
        JsonNode body = normalized().at("/components/schemas/AmendBody");
        JsonNode props = body.path("properties");
        for (String legacy : new String[] {"count", "yes_price", "target_cost_centi_cents"}) {
            assertFalse(props.has(legacy), legacy + " is never sent");
        }
        assertTrue(props.has("buy_max_cost"), "integer cents by design: no fixed-point sibling, kept");
        assertEquals("count, target_cost_centi_cents, yes_price",
                String.join(", ", java.util.Arrays.stream(body.path("x-kalshi4j-legacy-dropped").asText().split(", "))
                        .sorted().toList()));
    }

    @Test
    void theShortNamesOfARequestBodyBelongToTheFixedPointProperties() {
        JsonNode props = normalized().at("/components/schemas/AmendBody/properties");
        assertEquals("count", props.at("/count_fp/x-kalshi4j-short").asText());
        assertEquals("yesPrice", props.at("/yes_price_dollars/x-kalshi4j-short").asText());
        assertEquals("targetCost", props.at("/target_cost_dollars/x-kalshi4j-short").asText());
    }

    @Test
    void aRequiredLegacyPropertyMakesItsFixedPointSiblingRequired() {
        JsonNode required = normalized().at("/components/schemas/AmendBody/required");
        assertEquals("[\"ticker\",\"count_fp\"]", required.toString());
    }

    @Test
    void responseSchemasKeepTheirLegacyProperties() {
        assertTrue(marketProperty(normalized(), "price").has("type"), "old servers still send price; the alias layer reads it");
    }

    @Test
    void theRealSpecNormalizesWithoutLosingAnyPathOrSchema() {
        ObjectNode spec = Repo.pinnedSpec("openapi");
        int paths = spec.path("paths").size();
        int schemas = spec.at("/components/schemas").size();
        SpecNormalizer.normalizeOpenApi(spec);
        assertEquals(paths, spec.path("paths").size());
        assertEquals(schemas, spec.at("/components/schemas").size());
        assertEquals("number", spec.at("/components/schemas/FixedPointDollars/format").asText());
        assertEquals("count", spec.at("/components/schemas/FixedPointCount/x-kalshi4j-money").asText());
    }
}
