package io.github.kalshi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.transport.KalshiJson;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the cost of the alias module on a 1,000-market page against the same mapper without it. Timings are the
 * best of interleaved runs, so a busy machine slows both sides alike; the bound is loose against noise, while the
 * measured overhead is a few percent (about 1% for fp-only pages, 7-9% for dual-era pages, which carry ~15 legacy
 * keys per market).
 */
class MoneyAliasModuleSpeedTest {

    private static final ObjectMapper ALIASED = KalshiJson.newMapper().registerModule(new MoneyAliasModule());
    private static final ObjectMapper PLAIN = KalshiJson.newMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rest/get_markets__mutantamoeba-precog.json", "rest/get_markets-items__brianlee7281-soccer.json"})
    void aThousandMarketPageDecodesAtMostAQuarterSlowerThanWithoutTheModule(String sample) throws Exception {
        byte[] page = thousandMarketPage(sample);
        assertEquals(PLAIN.readValue(page, GetMarketsResponse.class).markets().size(), 1000);

        long plain = Long.MAX_VALUE;
        long aliased = Long.MAX_VALUE;
        for (int i = 0; i < 150; i++) {
            plain = Math.min(plain, time(PLAIN, page));
            aliased = Math.min(aliased, time(ALIASED, page));
        }

        double ratio = (double) aliased / plain;
        assertTrue(ratio < 1.25, String.format("aliased %.2f ms vs plain %.2f ms (x%.2f)", aliased / 1e6, plain / 1e6, ratio));
    }

    private static long time(ObjectMapper mapper, byte[] page) throws IOException {
        long start = System.nanoTime();
        mapper.readValue(page, GetMarketsResponse.class);
        return System.nanoTime() - start;
    }

    /** A page of 1,000 copies of the sample's first market, so both eras are measured on real shapes. */
    private static byte[] thousandMarketPage(String sample) throws IOException {
        JsonNode src = PLAIN.readTree(WireSamples.require(sample).toFile());
        JsonNode market = src.isArray() ? src.get(0) : src.get("markets").get(0);
        ArrayNode markets = PLAIN.createArrayNode();
        for (int i = 0; i < 1000; i++) {
            markets.add(market);
        }
        ObjectNode page = PLAIN.createObjectNode();
        page.set("markets", markets);
        page.put("cursor", "next");
        return PLAIN.writeValueAsBytes(page);
    }
}
