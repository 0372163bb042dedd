package io.github.kalshi4j.generated;

import io.github.kalshi4j.transport.KalshiJson;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast RFC 3339 reader agrees with java.time on every shape Kalshi sends, and declines the rest. */
class DateTimeParsingTest {

    @Test
    void fastParser_agreesWithJavaTime_onKalshiShapes() {
        for (String s : List.of("2026-01-12T22:08:10Z", "2026-01-12T22:08:10.571314Z", "2025-11-30T00:00:00.1Z",
                "2026-03-04T05:06:07.123456789Z", "2026-03-04T05:06:07+02:00", "2026-03-04T05:06:07.5-05:30",
                "2024-02-29T23:59:59Z")) {
            assertEquals(OffsetDateTime.parse(s), KalshiJson.parseRfc3339(s), s);
        }
    }

    @Test
    void fastParser_declinesWhatItDoesNotKnow_soTheFullParserDecides() {
        for (String s : List.of("2026-01-12", "2026-01-12T22:08Z", "2026-02-30T00:00:00Z", "2026-01-12T22:08:10",
                "2026-01-12T22:08:10.Z", "2026-01-12T22:08:10.1234567890Z", "x026-01-12T22:08:10Z", "2026-01-12T22:08:10+0200")) {
            assertNull(KalshiJson.parseRfc3339(s), s);
        }
    }
}
