package io.github.kalshi4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordingsTest {

    @Test
    void queriesWithTheSameParametersInAnyOrderGiveOneKey() {
        assertEquals(Recordings.key("get", "/m", "b=2&a=1&tickers=Y&tickers=X"),
                Recordings.key("GET", "/m", "tickers=X&a=1&tickers=Y&b=2"));
        assertEquals("GET /m?a=1&b=2", Recordings.key("GET", "/m", "b=2&&a=1&"));
        assertEquals("GET /m", Recordings.key("GET", "/m", ""));
        assertEquals("GET /m", Recordings.key("GET", "/m", null));
    }

    @Test
    void differentValuesOrMethodsGiveDifferentKeys() {
        assertFalse(Recordings.key("GET", "/m", "a=1").equals(Recordings.key("GET", "/m", "a=2")));
        assertFalse(Recordings.key("GET", "/m", "a=1").equals(Recordings.key("DELETE", "/m", "a=1")));
    }

    @Test
    void fileNamesAreReadableSlugsOfThePath() {
        assertEquals("0007-GET-markets-kxnflgame-25dec27balgb-gb-orderbook.json",
                Recordings.fileName(7, "GET", "/trade-api/v2/markets/KXNFLGAME-25DEC27BALGB-GB/orderbook"));
        assertEquals("0001-GET-root.json", Recordings.fileName(1, "GET", "/"));
        assertEquals("12345-DELETE-portfolio-orders-batched.json",
                Recordings.fileName(12345, "delete", "/trade-api/v2/portfolio/orders/batched"));
        String longName = Recordings.fileName(2, "GET", "/" + "x".repeat(500));
        assertTrue(longName.length() < 80, longName);
    }

    @Test
    void sequenceNumbersAreReadBackFromFileNamesAndOtherFilesAreIgnored() {
        assertEquals(12345, Recordings.sequenceOf("12345-DELETE-portfolio-orders-batched.json"));
        assertEquals(-1, Recordings.sequenceOf("README.md"));
        assertEquals(-1, Recordings.sequenceOf("notes-1.json"));
    }

    @Test
    void secretHeadersAreRecognisedInAnyCase() {
        for (String h : new String[] {"KALSHI-ACCESS-KEY", "kalshi-access-signature", "Kalshi-Access-Timestamp",
                "authorization", "Cookie", "SET-COOKIE", "Proxy-Authorization"}) {
            assertTrue(Recordings.isSecret(h), h);
        }
        assertFalse(Recordings.isSecret("User-Agent"));
    }
}
