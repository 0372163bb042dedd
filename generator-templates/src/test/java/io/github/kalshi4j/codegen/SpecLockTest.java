package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec pin: verified bytes land in {@code spec/materialized/}, and any byte that differs from the lock stops
 * the build with a message that says what to do. Each test builds its own repository layout in a temp directory:
 * {@code <tmp>/repo/spec/spec.lock.json} plus a mirror directory holding the pinned files.
 */
class SpecLockTest {

    static final String PROPERTY = "kalshi.spec.dir";

    static final byte[] OPENAPI = "openapi: 3.0.0\ninfo:\n  title: pinned fixture\n  version: 9.9.9\npaths: {}\n"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] ASYNCAPI = "asyncapi: 3.0.0\ninfo:\n  title: pinned fixture\n  version: 1.0.0\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    Path root;
    Path mirror;
    String savedProperty;

    @BeforeEach
    void layout() throws IOException {
        savedProperty = System.getProperty(PROPERTY);
        root = Files.createDirectories(tmp.resolve("repo"));
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        Files.write(mirror.resolve("kalshi-openapi-9.9.9.yaml"), OPENAPI);
        Files.write(mirror.resolve("kalshi-asyncapi-1.0.0.yaml"), ASYNCAPI);
        writeLock(SpecLock.sha256(OPENAPI), SpecLock.sha256(ASYNCAPI));
        System.setProperty(PROPERTY, mirror.toString());
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, savedProperty);
        }
    }

    private void writeLock(String openapiSha, String asyncapiSha) throws IOException {
        Files.createDirectories(root.resolve("spec"));
        Files.writeString(root.resolve("spec/spec.lock.json"), """
                {
                  "openapi": {
                    "version": "9.9.9",
                    "file": "kalshi-openapi-9.9.9.yaml",
                    "sha256": "%s",
                    "url": "https://example.invalid/openapi.yaml"
                  },
                  "asyncapi": {
                    "version": "1.0.0",
                    "file": "kalshi-asyncapi-1.0.0.yaml",
                    "sha256": "%s",
                    "url": "https://example.invalid/asyncapi.yaml"
                  }
                }
                """.formatted(openapiSha, asyncapiSha));
    }

    @Test
    void materializeCopiesThePinnedBytesFromTheMirrorIntoSpecMaterialized() throws IOException {
        SpecLock lock = SpecLock.read(root);

        byte[] openapi = lock.materialize("openapi");
        byte[] asyncapi = lock.materialize("asyncapi");

        assertArrayEquals(OPENAPI, openapi);
        assertArrayEquals(ASYNCAPI, asyncapi);
        assertEquals(root.resolve("spec/materialized/openapi.yaml"), lock.materializedPath("openapi"));
        assertArrayEquals(OPENAPI, Files.readAllBytes(root.resolve("spec/materialized/openapi.yaml")));
        assertArrayEquals(ASYNCAPI, Files.readAllBytes(root.resolve("spec/materialized/asyncapi.yaml")));
        try (var files = Files.list(root.resolve("spec/materialized"))) {
            assertEquals(2, files.count(), "no temp file is left behind");
        }
    }

    @Test
    void materializeVerifiesAnExistingMaterializedFileAgainstTheLock() throws IOException {
        SpecLock lock = SpecLock.read(root);
        lock.materialize("openapi");
        // The mirror is no longer needed once the bytes are materialized...
        Files.delete(mirror.resolve("kalshi-openapi-9.9.9.yaml"));
        assertArrayEquals(OPENAPI, SpecLock.read(root).materialize("openapi"));
    }

    @Test
    void oneChangedByteInTheMaterializedFileFailsWithBothHashesAndTheBumpCommand() throws IOException {
        SpecLock lock = SpecLock.read(root);
        lock.materialize("openapi");
        Path materialized = lock.materializedPath("openapi");
        byte[] edited = Files.readAllBytes(materialized);
        edited[edited.length - 2] ^= 0x01;
        Files.write(materialized, edited);

        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root).materialize("openapi"));

        assertTrue(e.getMessage().contains("expected " + SpecLock.sha256(OPENAPI)), e.getMessage());
        assertTrue(e.getMessage().contains("actual   " + SpecLock.sha256(edited)), e.getMessage());
        assertTrue(e.getMessage().contains("make sync-spec"), e.getMessage());
        assertTrue(e.getMessage().contains(materialized.toString()), "names the file it read: " + e.getMessage());
        assertArrayEquals(edited, Files.readAllBytes(materialized), "an existing file is never silently replaced");
    }

    @Test
    void mirrorBytesThatDoNotMatchTheLockAreRejectedAndNothingIsMaterialized() throws IOException {
        Files.writeString(mirror.resolve("kalshi-openapi-9.9.9.yaml"), "openapi: 3.0.0\n# not the pinned bytes\n");

        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root).materialize("openapi"));

        assertTrue(e.getMessage().contains("has no file with the sha256 of the pinned openapi 9.9.9"), e.getMessage());
        assertTrue(e.getMessage().contains(SpecLock.sha256(OPENAPI)), e.getMessage());
        assertTrue(e.getMessage().contains("looked at: kalshi-asyncapi-1.0.0.yaml ("), "lists every file it hashed: "
                + e.getMessage());
        assertTrue(e.getMessage().contains("kalshi-openapi-9.9.9.yaml ("), e.getMessage());
        assertTrue(e.getMessage().contains("make sync-spec"), e.getMessage());
        assertFalse(Files.exists(root.resolve("spec/materialized/openapi.yaml")));
    }

    @Test
    void aMirrorWithoutThePinnedFileGivesAClearMessage() throws IOException {
        Files.delete(mirror.resolve("kalshi-asyncapi-1.0.0.yaml"));

        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root).materialize("asyncapi"));

        assertTrue(e.getMessage().contains("spec mirror " + mirror + " has no file with the sha256 of the pinned"
                + " asyncapi 1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("recorded as kalshi-asyncapi-1.0.0.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("KALSHI_SPEC_DIR"), e.getMessage());
    }

    @Test
    void thePinnedBytesAreFoundByHashInASubfolderUnderAnyName() throws IOException {
        Files.delete(mirror.resolve("kalshi-asyncapi-1.0.0.yaml"));
        Path later = Files.createDirectories(mirror.resolve("next")).resolve("kalshi-asyncapi-1.0.0-later.yaml");
        Files.write(later, ASYNCAPI);

        SpecLock lock = SpecLock.read(root);

        assertEquals(later, lock.locateInMirror("asyncapi"));
        assertArrayEquals(ASYNCAPI, lock.materialize("asyncapi"));
    }

    @Test
    void theRecordedNameHoldingOtherBytesDoesNotHideTheMatchingFile() throws IOException {
        // A mirror's kalshi-asyncapi-1.0.0.yaml may be an older revision published under the same label.
        Files.writeString(mirror.resolve("kalshi-asyncapi-1.0.0.yaml"), "asyncapi: 3.0.0\n# an older revision\n");
        Path elsewhere = Files.createDirectories(mirror.resolve("next")).resolve("asyncapi.yaml");
        Files.write(elsewhere, ASYNCAPI);

        assertArrayEquals(ASYNCAPI, SpecLock.read(root).materialize("asyncapi"));
    }

    @Test
    void theRecordedRelativeNameIsPreferredWhenItMatches() throws IOException {
        Path next = Files.createDirectories(mirror.resolve("next"));
        Files.write(next.resolve("a-copy.yaml"), OPENAPI); // sorts before the recorded name in a walk
        Files.write(next.resolve("recorded.yaml"), OPENAPI);
        SpecLock.Entry e = SpecLock.read(root).entry("openapi");
        SpecLock.Entry recorded = new SpecLock.Entry(e.kind(), e.version(), "next/recorded.yaml", e.sha256(), e.url());

        assertEquals(next.resolve("recorded.yaml"), SpecLock.locate(recorded, mirror));
    }

    @Test
    void kalshiSpecDirTakesPrecedenceOverTheSharedSpecsBesideTheCheckout() throws IOException {
        // ../shared/specs beside the checkout holds different bytes under the same name.
        Path shared = Files.createDirectories(tmp.resolve("shared/specs"));
        Files.writeString(shared.resolve("kalshi-openapi-9.9.9.yaml"), "openapi: 3.0.0\n# the shared copy\n");

        SpecLock lock = SpecLock.read(root);
        assertEquals(mirror, lock.mirrorDir());
        assertArrayEquals(OPENAPI, lock.materialize("openapi"), "bytes come from KALSHI_SPEC_DIR, not ../shared/specs");
    }

    @Test
    void withoutKalshiSpecDirTheSharedSpecsBesideTheCheckoutIsTheMirror() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared/specs"));
        // Maven leaves ${env.KALSHI_SPEC_DIR} unresolved when the variable is unset: that means "not configured".
        System.setProperty(PROPERTY, "${env.KALSHI_SPEC_DIR}");
        assertEquals(shared.toAbsolutePath().normalize(), SpecLock.read(root).mirrorDir());

        System.setProperty(PROPERTY, " ");
        assertEquals(shared.toAbsolutePath().normalize(), SpecLock.read(root).mirrorDir());
    }

    @Test
    void aLockWithoutAnEntryForEachKindIsRejected() throws IOException {
        Files.writeString(root.resolve("spec/spec.lock.json"), "{\"openapi\": {\"version\": \"1\", \"file\": \"f\","
                + " \"sha256\": \"00\", \"url\": \"u\"}}");
        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root));
        assertTrue(e.getMessage().contains("no 'asyncapi' entry"), e.getMessage());
    }

    @Test
    void writeLockRoundTripsThroughRead() throws IOException {
        SpecLock before = SpecLock.read(root);
        var entries = new java.util.LinkedHashMap<String, SpecLock.Entry>();
        entries.put("openapi", before.entry("openapi"));
        entries.put("asyncapi", new SpecLock.Entry("asyncapi", "1.0.1", "kalshi-asyncapi-1.0.1.yaml", "ab", "https://x"));

        SpecLock.writeLock(root, entries);
        SpecLock after = SpecLock.read(root);

        assertEquals(before.entry("openapi"), after.entry("openapi"));
        assertEquals(entries.get("asyncapi"), after.entry("asyncapi"));
    }

    @Test
    void aLockPinsFurtherApisBesideTheTradeApiEachMaterializedUnderItsOwnName() throws IOException {
        byte[] perps = "openapi: 3.0.0\ninfo:\n  title: perps fixture\n  version: 0.0.1\npaths: {}\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(mirror.resolve("perps"));
        Files.write(mirror.resolve("perps/kalshi-perps-openapi-0.0.1.yaml"), perps);
        SpecLock trade = SpecLock.read(root);
        var entries = new java.util.LinkedHashMap<String, SpecLock.Entry>();
        trade.entries().forEach(e -> entries.put(e.kind(), e));
        entries.put("perps-openapi", new SpecLock.Entry("perps-openapi", "0.0.1", "perps/kalshi-perps-openapi-0.0.1.yaml",
                SpecLock.sha256(perps), "https://example.invalid/perps_openapi.yaml"));
        SpecLock.writeLock(root, entries);

        SpecLock lock = SpecLock.read(root);

        assertEquals(java.util.List.of("openapi", "asyncapi", "perps-openapi"),
                lock.entries().stream().map(SpecLock.Entry::kind).toList());
        assertEquals(java.util.List.of("trade", "perps"), lock.apis());
        assertEquals("openapi", lock.entry("perps-openapi").format());
        assertEquals("perps", lock.entry("perps-openapi").api());
        assertEquals("trade", lock.entry("asyncapi").api());
        assertArrayEquals(perps, lock.materialize("perps-openapi"));
        assertArrayEquals(perps, Files.readAllBytes(root.resolve("spec/materialized/perps-openapi.yaml")));
    }

    @Test
    void aLockMemberThatIsNoDocumentNameIsRejected() throws IOException {
        Files.writeString(root.resolve("spec/spec.lock.json"), Files.readString(root.resolve("spec/spec.lock.json"))
                .replaceFirst("\\{", "{ \"perps-scm\": {\"version\": \"1\", \"file\": \"f\", \"sha256\": \"00\", \"url\": \"u\"},"));
        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root));
        assertTrue(e.getMessage().contains("'perps-scm' is not a document name"), e.getMessage());
    }

    @Test
    void materializingADocumentTheLockDoesNotPinNamesThePinnedOnes() throws IOException {
        SpecException e = assertThrows(SpecException.class, () -> SpecLock.read(root).materialize("perps-openapi"));
        assertTrue(e.getMessage().contains("pins no 'perps-openapi' document (it pins openapi, asyncapi)"), e.getMessage());
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SpecLock.sha256(new byte[0]));
    }
}
