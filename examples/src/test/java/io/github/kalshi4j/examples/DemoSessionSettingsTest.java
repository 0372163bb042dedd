package io.github.kalshi4j.examples;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DemoSession reads KALSHI_DEMO exactly as KalshiClient.fromEnv does, so KALSHI_DEMO=1 never silently runs locally. */
class DemoSessionSettingsTest {

    private static boolean demo(String value) {
        return DemoSession.useKalshiDemo(Map.of("KALSHI_KEY_ID", "k", "KALSHI_DEMO", value), new Properties());
    }

    @Test
    void trueOneAndYesInAnyCaseSelectKalshisDemo() {
        for (String on : new String[] {"true", "TRUE", "1", "yes", "Yes", " true "}) {
            assertTrue(demo(on), on);
        }
    }

    @Test
    void falseZeroNoAndBlankRunLocally() {
        for (String off : new String[] {"false", "0", "no", "NO", "", "  "}) {
            assertFalse(demo(off), off);
        }
    }

    @Test
    void anyOtherValueIsAnErrorAsInFromEnv() {
        assertThrows(IllegalArgumentException.class, () -> demo("on"));
    }

    @Test
    void withoutAKeyIdTheDemoRunsLocally() {
        assertFalse(DemoSession.useKalshiDemo(Map.of("KALSHI_DEMO", "1"), new Properties()));
    }

    @Test
    void theSystemPropertyOverridesTheVariable() {
        Properties p = new Properties();
        p.setProperty("kalshi.demo", "false");
        assertFalse(DemoSession.useKalshiDemo(Map.of("KALSHI_KEY_ID", "k", "KALSHI_DEMO", "true"), p));
    }
}
