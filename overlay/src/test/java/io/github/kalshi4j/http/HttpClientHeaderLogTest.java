package io.github.kalshi4j.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HttpClient's own {@code org.apache.hc.client5.http.headers} logger prints every request header at DEBUG. The
 * signature must not be among what it prints: kalshi4j hands HttpClient its secret headers in a form whose
 * printed value is masked, while the value on the wire is the real one.
 */
class HttpClientHeaderLogTest {

    @Test
    void httpClientsHeaderLogAtDebugShowsTheSignatureHeaderMasked() throws Exception {
        Path out = Files.createTempFile("header-log", ".out");
        Path err = Files.createTempFile("header-log", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=debug",
                    HeaderLogProbe.class.getName()));
            Process probe = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String log = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, probe.exitValue(), "probe failed:\n" + stdout + log);

            List<String> signatures = stdout.substring(stdout.indexOf(HeaderLogProbe.MARKER)
                    + HeaderLogProbe.MARKER.length()).lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
            assertEquals(2, signatures.size(), "one blocking and one async call were signed: " + stdout);
            assertTrue(log.contains("KALSHI-ACCESS-SIGNATURE"), "the header logger was on and printed the header:\n" + log);
            assertTrue(log.contains("KALSHI-ACCESS-KEY"), log);
            for (String signature : signatures) {
                assertFalse(log.contains(signature.substring(0, 24)), "a signature was logged:\n" + log);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
