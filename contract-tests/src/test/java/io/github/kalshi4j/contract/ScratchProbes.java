package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks every "follows the spec" test makes after its scratch build: the build passed (else the log's tail is
 * in the failure), and the probe test it carried really ran and passed (a build that skipped it proves nothing).
 */
final class ScratchProbes {

    private ScratchProbes() {
    }

    /**
     * Fails unless the scratch build ended with status 0 and its probe test ran once and passed.
     *
     * @param status the scratch build's exit status
     * @param log the scratch build's log
     * @param what what the scratch copy changed, for the failure message ("the added channel")
     * @param report the probe test's surefire XML report inside the scratch copy
     */
    static void assertProbePassed(int status, Path log, String what, Path report) throws IOException {
        assertEquals(0, status, () -> "the scratch build with " + what + " failed; see " + log + "\n" + tail(log));
        assertTrue(Files.isRegularFile(report), "the probe test ran");
        String xml = Files.readString(report);
        assertTrue(xml.contains("tests=\"1\"") && xml.contains("failures=\"0\"") && xml.contains("errors=\"0\""), xml);
    }

    /** The last 40 lines of a build log. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
