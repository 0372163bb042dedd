package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.codegen.SpecLock;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make sync-spec} on a scratch copy of the repository's spec folder, bumping to Kalshi's later published
 * versions in {@code shared/specs/next}. The Maven regeneration is replaced by a recorder; everything else is real.
 */
class SyncSpecTest {

    private static final String MIRROR_PROPERTY = "kalshi.spec.dir";

    @TempDir
    Path tmp;

    private String savedMirror;

    // The scratch repository has no ../shared/specs beside it: name the real mirror, as KALSHI_SPEC_DIR would.
    @BeforeEach
    void useTheSharedMirror() {
        savedMirror = System.getProperty(MIRROR_PROPERTY);
        System.setProperty(MIRROR_PROPERTY, Repo.SHARED_SPECS.toString());
    }

    @AfterEach
    void restoreMirror() {
        if (savedMirror == null) {
            System.clearProperty(MIRROR_PROPERTY);
        } else {
            System.setProperty(MIRROR_PROPERTY, savedMirror);
        }
    }

    @Test
    void bumpRewritesTheLockReplacesMaterializedRegeneratesAndSummarizes() throws IOException {
        Path root = scratchRepository();
        Path next = Repo.SHARED_SPECS.resolve("next");
        byte[] openapi = Repo.shared("next/kalshi-openapi-3.20.0.yaml");
        byte[] asyncapi = Repo.shared("next/kalshi-asyncapi-2.0.0-later.yaml");
        List<Path> regenerated = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SyncSpecMain.Result result = SyncSpecMain.run(root, next.toString(), regenerated::add,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertTrue(result.changed());
        assertEquals(List.of(root), regenerated);
        SpecLock lock = SpecLock.read(root);
        // The lock names the source files as they sit in the mirror: clean checkouts look there first.
        assertEquals(new SpecLock.Entry("openapi", "3.20.0", "next/kalshi-openapi-3.20.0.yaml", SpecLock.sha256(openapi),
                "https://docs.kalshi.com/openapi.yaml"), lock.entry("openapi"));
        assertEquals(new SpecLock.Entry("asyncapi", "2.0.0", "next/kalshi-asyncapi-2.0.0-later.yaml",
                SpecLock.sha256(asyncapi), "https://docs.kalshi.com/asyncapi.yaml"), lock.entry("asyncapi"));
        assertTrue(java.util.Arrays.equals(openapi, Files.readAllBytes(root.resolve("spec/materialized/openapi.yaml"))));
        assertTrue(java.util.Arrays.equals(asyncapi, Files.readAllBytes(root.resolve("spec/materialized/asyncapi.yaml"))));
        assertFalse(Files.exists(root.resolve("spec/materialized/openapi.effective.json")));

        String summary = result.summary();
        assertTrue(summary.startsWith("## Kalshi spec bump: openapi 3.13.0 -> 3.20.0, asyncapi 2.0.0 -> 2.0.0"), summary);
        int breaking = summary.indexOf("### Breaking changes");
        assertTrue(breaking > 0 && breaking < summary.indexOf("### Added"), summary);
        assertTrue(summary.contains("- `- channel multivariate: multivariate` (asyncapi)"), summary);
        assertTrue(summary.contains("- `+ operation CreateOrderV2: POST /portfolio/events/orders` (openapi)"), summary);
        assertTrue(summary.contains("asyncapi: new bytes under the same version label 2.0.0"), summary);
        assertTrue(Files.readString(root.resolve("contract-tests/target/spec-bump-summary.md")).equals(summary));
        assertTrue(Files.exists(root.resolve("contract-tests/target/spec-bump-report.json")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("pull-request summary"));

        // Bumping again to the same bytes changes nothing and does not regenerate.
        SyncSpecMain.Result again = SyncSpecMain.run(root, next.toString(), regenerated::add,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertFalse(again.changed());
        assertEquals(1, regenerated.size());
    }

    @Test
    void aCleanCheckoutOfTheBumpFindsThePinnedBytesInTheMirrorByHash() throws IOException {
        Path root = scratchRepository();
        byte[] openapi = Repo.shared("next/kalshi-openapi-3.20.0.yaml");
        byte[] asyncapi = Repo.shared("next/kalshi-asyncapi-2.0.0-later.yaml");
        SyncSpecMain.run(root, Repo.SHARED_SPECS.resolve("next").toString(), r -> { },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        // A fresh clone has no spec/materialized/; the build materializes from ../shared/specs, where the top-level
        // kalshi-asyncapi-2.0.0.yaml holds the older bytes of the same label and the pinned ones sit in next/.
        deleteMaterialized(root);
        SpecLock lock = SpecLock.read(root);
        assertEquals(Repo.SHARED_SPECS.resolve("next/kalshi-asyncapi-2.0.0-later.yaml"), lock.locateInMirror("asyncapi"));
        assertTrue(java.util.Arrays.equals(openapi, lock.materialize("openapi")));
        assertTrue(java.util.Arrays.equals(asyncapi, lock.materialize("asyncapi")));

        // KALSHI_SPEC_DIR pointing at next/ itself works too, although no file there has the lock's exact path.
        deleteMaterialized(root);
        System.setProperty(MIRROR_PROPERTY, Repo.SHARED_SPECS.resolve("next").toString());
        assertTrue(java.util.Arrays.equals(asyncapi, SpecLock.read(root).materialize("asyncapi")));
    }

    @Test
    void aFolderPicksTheNewestVersionOfEachKind() throws IOException {
        Repo.shared("previous/kalshi-openapi-3.10.0.yaml");
        assertEquals("kalshi-openapi-3.10.0.yaml",
                SyncSpecMain.newest(Repo.SHARED_SPECS.resolve("previous"), "openapi").getFileName().toString());
        assertTrue(SyncSpecMain.compareVersions("3.20.0", "3.9.0") > 0);
        assertTrue(SyncSpecMain.compareVersions("2.0.0-later", "2.0.0") > 0);
        assertEquals(null, SyncSpecMain.newest(Repo.SHARED_SPECS.resolve("previous"), "asyncapi"));
    }

    private static void deleteMaterialized(Path root) throws IOException {
        try (var files = Files.list(root.resolve("spec/materialized"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    /** A repository layout holding only what the bump touches: the lock and verified materialized specs. */
    /**
     * A repository pinned to OpenAPI 3.13.0 and the original AsyncAPI 2.0.0 (whatever the project pins now), so the
     * bump these tests make is always 3.13.0 to 3.20.0.
     */
    private Path scratchRepository() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(root.resolve("spec/materialized"));
        byte[] openapi = Repo.shared("kalshi-openapi-3.13.0.yaml");
        byte[] asyncapi = Repo.shared("kalshi-asyncapi-2.0.0.yaml");
        java.util.Map<String, SpecLock.Entry> lock = new java.util.LinkedHashMap<>();
        lock.put("openapi", new SpecLock.Entry("openapi", "3.13.0", "kalshi-openapi-3.13.0.yaml",
                SpecLock.sha256(openapi), "https://docs.kalshi.com/openapi.yaml"));
        lock.put("asyncapi", new SpecLock.Entry("asyncapi", "2.0.0", "kalshi-asyncapi-2.0.0.yaml",
                SpecLock.sha256(asyncapi), "https://docs.kalshi.com/asyncapi.yaml"));
        SpecLock.writeLock(root, lock);
        Files.write(root.resolve("spec/materialized/openapi.yaml"), openapi);
        Files.write(root.resolve("spec/materialized/asyncapi.yaml"), asyncapi);
        Files.writeString(root.resolve("spec/materialized/openapi.effective.json"), "{}");
        return root;
    }
}
