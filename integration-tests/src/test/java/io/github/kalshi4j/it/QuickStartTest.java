package io.github.kalshi4j.it;

import io.github.kalshi4j.examples.QuickStart;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start is the code in examples/QuickStart.java, and it runs against the local exchange. */
class QuickStartTest {

    @Test
    void readmeQuickStart_isTheExampleVerbatim() throws IOException {
        Path root = SpecCheckedExchange.root();
        String example = Files.readString(root.resolve("examples/src/main/java/io/github/kalshi4j/examples/QuickStart.java"));
        String body = example.substring(example.indexOf("// quick-start:begin") + "// quick-start:begin".length(),
                example.indexOf("// quick-start:end"));
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(normalize(readme).contains(normalize(body)),
                "README.md must contain the quick start from QuickStart.java verbatim (indentation aside)");
    }

    private static String normalize(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void quickStart_runsAgainstTheLocalExchange_throughFromEnv() {
        try (SpecCheckedExchange checked = SpecCheckedExchange.start()) {
            LocalKalshiExchange exchange = checked.exchange;
            LocalKalshiExchange.Credentials c = exchange.credentials(exchange.userIds().get(0));
            // fromEnv() reads system properties before the environment: the README's code runs unchanged.
            System.setProperty("kalshi.apiBaseUrl", exchange.restUrl().toString());
            System.setProperty("kalshi.keyId", c.keyId());
            System.setProperty("kalshi.privateKey", c.privateKeyPem());
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                QuickStart.main(new String[0]);
            } finally {
                System.setOut(original);
                System.clearProperty("kalshi.apiBaseUrl");
                System.clearProperty("kalshi.keyId");
                System.clearProperty("kalshi.privateKey");
            }
            String out = captured.toString(StandardCharsets.UTF_8);
            // A V2 bid of one contract placed, resting, then canceled: the cancel reduced it by that one contract.
            assertTrue(out.contains("placed ") && out.contains(", resting 1"), out);
            assertTrue(out.contains("canceled 1"), out);
            checked.assertAllResponsesConform();
        }
    }
}
