package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code make drift TO=<url>} as the nightly job runs it: a fresh checkout without build output, so the pinned FROM
 * side has to come from the spec mirror. A file path stands in for Kalshi's URL (it serves a later spec).
 */
class DriftToOnlyTest {

    private static final String MIRROR_PROPERTY = "kalshi.spec.dir";

    @TempDir
    Path tmp;

    private String savedMirror;

    @BeforeEach
    void saveMirror() {
        savedMirror = System.getProperty(MIRROR_PROPERTY);
    }

    @AfterEach
    void restoreMirror() {
        if (savedMirror == null) {
            System.clearProperty(MIRROR_PROPERTY);
        } else {
            System.setProperty(MIRROR_PROPERTY, savedMirror);
        }
    }

    private static String pinnedVersion() throws IOException {
        return io.github.kalshi4j.codegen.SpecLock.read(Repo.ROOT).entry("openapi").version();
    }

    @Test
    void toAloneMaterializesThePinnedFromSideFromTheMirrorAndReportsTheDifference() throws IOException {
        Path root = freshCheckout();
        // An older document stands in for "what Kalshi serves": the diff is known either way.
        Path other = Repo.SHARED_SPECS.resolve("kalshi-openapi-3.13.0.yaml");
        Repo.shared("kalshi-openapi-3.13.0.yaml");
        System.setProperty(MIRROR_PROPERTY, Repo.SHARED_SPECS.toString());

        Run run = drift(root, other.toString());

        assertEquals(1, run.status, run.err + run.out);
        assertTrue(run.out.contains("pinned openapi " + pinnedVersion()), run.out);
        assertTrue(run.out.contains("- operation CreateOrderV2: POST /portfolio/events/orders"), run.out);
        assertTrue(Files.isRegularFile(root.resolve("spec/materialized/openapi.yaml")), "materialized like a build");
    }

    @Test
    void toAloneWithoutThePinnedBytesAnywhereSaysHowToSupplyThem() throws IOException {
        Path root = freshCheckout();
        Path emptyMirror = Files.createDirectories(tmp.resolve("empty-mirror"));
        Files.writeString(emptyMirror.resolve("openapi.yaml"), "openapi: 3.0.0\n# the live spec, not the pinned one\n");
        System.setProperty(MIRROR_PROPERTY, emptyMirror.toString());

        Run run = drift(root, Repo.SHARED_SPECS.resolve("kalshi-openapi-3.13.0.yaml").toString());

        assertEquals(2, run.status, run.out);
        assertTrue(run.err.contains("FROM defaults to the pinned openapi spec " + pinnedVersion()), run.err);
        assertTrue(run.err.contains("looked at: openapi.yaml ("), run.err);
        assertTrue(run.err.contains("KALSHI_SPEC_DIR=<folder holding a file with that sha256"), run.err);
        assertTrue(run.err.contains("FROM=<file or URL>"), run.err);
    }

    /** A checkout that never built: the lock, no spec/materialized/. */
    private Path freshCheckout() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo/spec"));
        Files.copy(Repo.ROOT.resolve("spec/spec.lock.json"), root.resolve("spec.lock.json"));
        return root.getParent();
    }

    private record Run(int status, String out, String err) { }

    private Run drift(Path root, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DriftMain.run(new String[] {"--root", root.toString(), "--to", to, "--json",
            tmp.resolve("report.json").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
