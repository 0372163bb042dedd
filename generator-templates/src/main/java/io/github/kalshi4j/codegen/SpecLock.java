package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The spec pin ({@code spec/spec.lock.json}) and the rules for getting verified spec bytes.
 *
 * <p>Bytes come from {@code spec/materialized/} when already there, else from a mirror directory
 * ({@code KALSHI_SPEC_DIR}, or {@code ../shared/specs} beside the checkout; the file is found by its sha256,
 * see {@link #locate}), else from the canonical URL. Whatever the source, the sha256 must equal the lock: a
 * mismatch is a build failure.
 */
public final class SpecLock {

    /** How deep below the mirror folder pinned bytes are looked for ({@code next/}, {@code previous/}, ...). */
    private static final int MIRROR_DEPTH = 4;

    /**
     * One pinned document.
     *
     * @param kind the document's name in the lock: {@code openapi} and {@code asyncapi} for the Trade API,
     *     {@code <api>-openapi} / {@code <api>-asyncapi} for another API (e.g. {@code perps-openapi}); it names the
     *     materialized file ({@code spec/materialized/<kind>.yaml}) and the correction overlays that apply
     *     ({@code spec/overlays/<kind>-*.overlay.yaml})
     * @param file where the pinned bytes were taken from, relative to the spec mirror when they came from it (e.g.
     *     {@code next/kalshi-asyncapi-2.0.0-later.yaml}); the mirror lookup tries it first but goes by the hash
     */
    public record Entry(String kind, String version, String file, String sha256, String url) {

        /** The document format: {@code openapi} or {@code asyncapi}, from the name's last part. */
        public String format() {
            return formatOf(kind);
        }

        /** The API the document describes: {@code trade} for {@code openapi}/{@code asyncapi}, else the name's prefix. */
        public String api() {
            return apiOf(kind);
        }
    }

    /** The documents every lock pins: the Trade API's REST and WebSocket specs. */
    public static final List<String> REQUIRED = List.of("openapi", "asyncapi");

    private final Path root;
    private final Map<String, Entry> entries;

    private SpecLock(Path root, Map<String, Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    /**
     * Reads {@code spec/spec.lock.json} under the repository root: every top-level member is one pinned document (see
     * {@link Entry#kind()}); {@code openapi} and {@code asyncapi} are required.
     */
    public static SpecLock read(Path root) throws IOException {
        Path lockFile = root.resolve("spec/spec.lock.json");
        JsonNode tree = new ObjectMapper().readTree(lockFile.toFile());
        for (String kind : REQUIRED) {
            if (tree.get(kind) == null) {
                throw new SpecException(lockFile + " has no '" + kind + "' entry");
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (java.util.Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String kind = it.next();
            if (formatOf(kind) == null || !kind.matches("([a-z][a-z0-9]*-)?(openapi|asyncapi)")) {
                throw new SpecException(lockFile + ": '" + kind + "' is not a document name (openapi, asyncapi,"
                        + " <api>-openapi or <api>-asyncapi, <api> in lower case)");
            }
            JsonNode n = tree.get(kind);
            entries.put(kind, new Entry(kind, text(n, "version", lockFile), text(n, "file", lockFile),
                    text(n, "sha256", lockFile), text(n, "url", lockFile)));
        }
        return new SpecLock(root, entries);
    }

    /** {@code openapi} or {@code asyncapi} for a document name ({@code perps-openapi} is {@code openapi}), else null. */
    public static String formatOf(String kind) {
        return kind.equals("openapi") || kind.endsWith("-openapi") ? "openapi"
                : kind.equals("asyncapi") || kind.endsWith("-asyncapi") ? "asyncapi" : null;
    }

    /** The API a document name belongs to: {@code trade} for {@code openapi}/{@code asyncapi}, else its prefix. */
    public static String apiOf(String kind) {
        int dash = kind.lastIndexOf('-');
        return dash < 0 ? "trade" : kind.substring(0, dash);
    }

    /**
     * The file-name prefix of an API's derived files: empty for the Trade API ({@code rest.json}), {@code perps-} for
     * perps ({@code perps-rest.json}).
     */
    public static String prefixOf(String api) {
        return api.equals("trade") ? "" : api + "-";
    }

    /** The name of an API's document of a format: {@code openapi} for trade, {@code perps-openapi} for perps. */
    public static String kindOf(String api, String format) {
        return prefixOf(api) + format;
    }

    /** Every pinned document, in the lock's order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The APIs the lock pins documents for, {@code trade} first. */
    public List<String> apis() {
        java.util.Set<String> apis = new java.util.LinkedHashSet<>();
        apis.add("trade");
        entries.values().forEach(e -> apis.add(e.api()));
        return List.copyOf(apis);
    }

    /** True when the lock pins a document of that name. */
    public boolean has(String kind) {
        return entries.containsKey(kind);
    }

    private static String text(JsonNode n, String field, Path lockFile) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new SpecException(lockFile + ": missing '" + field + "'");
        }
        return v.asText();
    }

    /** The pinned entry of a document ({@code openapi}, {@code asyncapi}, {@code perps-openapi}, ...), or null. */
    public Entry entry(String kind) {
        return entries.get(kind);
    }

    /** Where the verified bytes of a kind live: {@code spec/materialized/<kind>.yaml}. */
    public Path materializedPath(String kind) {
        return root.resolve("spec/materialized").resolve(kind + ".yaml");
    }

    /**
     * Makes sure {@code spec/materialized/<kind>.yaml} holds the pinned bytes and returns them.
     * An existing file is verified, never silently replaced.
     */
    public byte[] materialize(String kind) throws IOException {
        Entry e = entry(kind);
        if (e == null) {
            throw new SpecException("spec/spec.lock.json pins no '" + kind + "' document (it pins "
                    + String.join(", ", entries.keySet()) + ")");
        }
        Path target = materializedPath(kind);
        if (Files.exists(target)) {
            byte[] bytes = Files.readAllBytes(target);
            verify(e, bytes, target.toString());
            return bytes;
        }
        String[] source = new String[1];
        byte[] bytes = fetch(e, source);
        verify(e, bytes, source[0]);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), kind, ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    /** The mirror directory in force, or null: {@code KALSHI_SPEC_DIR}, else {@code ../shared/specs}. */
    public Path mirrorDir() {
        String configured = System.getProperty("kalshi.spec.dir", System.getenv("KALSHI_SPEC_DIR"));
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        Path shared = root.toAbsolutePath().normalize().getParent().resolve("shared/specs");
        return Files.isDirectory(shared) ? shared : null;
    }

    private byte[] fetch(Entry e, String[] source) throws IOException {
        Path mirror = mirrorDir();
        if (mirror != null) {
            Path file = locate(e, mirror);
            source[0] = file.toString();
            return Files.readAllBytes(file);
        }
        source[0] = e.url();
        return download(e.url());
    }

    /**
     * The file of the mirror in force that holds the pinned bytes of a kind ({@link #locate(Entry, Path)}), or null
     * when no mirror is configured.
     */
    public Path locateInMirror(String kind) throws IOException {
        Path mirror = mirrorDir();
        return mirror == null ? null : locate(entry(kind), mirror);
    }

    /**
     * Finds the pinned bytes in a mirror folder by their sha256: the lock's recorded file name when it exists there
     * and matches, else any spec file under the folder (subfolders included) with the pinned hash. The hash, not the
     * name, identifies the document: Kalshi re-publishes changed bytes under an unchanged version label, so one name
     * can mean different bytes in different mirrors (and the bytes a bump pinned may sit under {@code next/}).
     */
    public static Path locate(Entry e, Path mirror) throws IOException {
        Path dir = mirror.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new SpecException("spec mirror " + mirror + " is not a folder; set KALSHI_SPEC_DIR to a folder holding"
                    + " the pinned " + e.kind() + " " + e.version() + " (sha256 " + e.sha256() + "), or unset it to"
                    + " download " + e.url());
        }
        // Symbolic links (a mirror linked beside a scratch checkout) are followed from the start folder on.
        Path real = dir.toRealPath();
        Path recorded = real.resolve(e.file()).normalize();
        if (recorded.startsWith(real) && Files.isRegularFile(recorded)
                && sha256(Files.readAllBytes(recorded)).equalsIgnoreCase(e.sha256())) {
            return dir.resolve(e.file()).normalize();
        }
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(real, MIRROR_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            candidates = walk.filter(Files::isRegularFile).filter(SpecLock::looksLikeSpec).sorted().toList();
        }
        List<String> lookedAt = new ArrayList<>();
        for (Path p : candidates) {
            String sha = sha256(Files.readAllBytes(p));
            if (sha.equalsIgnoreCase(e.sha256())) {
                return dir.resolve(real.relativize(p));
            }
            lookedAt.add(real.relativize(p) + " (" + sha.substring(0, 12) + ")");
        }
        throw new SpecException("spec mirror " + mirror + " has no file with the sha256 of the pinned " + e.kind() + " "
                + e.version() + " (" + e.sha256() + ", recorded as " + e.file() + ");\n  looked at: "
                + (lookedAt.isEmpty() ? "no spec files" : String.join(", ", lookedAt))
                + "\nPut the pinned bytes anywhere under the mirror, set KALSHI_SPEC_DIR to a folder that has them, or"
                + " unset it to download " + e.url() + ". If the mirror holds the version you want instead, move the pin"
                + " with `make sync-spec SOURCE=<folder>`.");
    }

    private static boolean looksLikeSpec(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** Downloads a URL's bytes (used for the canonical URL and by {@code make sync-spec}). */
    public static byte[] download(String url) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readAllBytes();
                if (r.statusCode() != 200) {
                    throw new SpecException("downloading " + url + " answered HTTP " + r.statusCode());
                }
                return body;
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SpecException("interrupted while downloading " + url);
        } catch (IOException io) {
            throw new SpecException("cannot download " + url + " (" + io.getMessage()
                    + "); set KALSHI_SPEC_DIR to a folder holding the pinned spec files");
        }
    }

    /** Fails with the hash message when the bytes are not the pinned ones. */
    public static void verify(Entry e, byte[] bytes, String where) {
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(e.sha256())) {
            throw new SpecException("sha256 mismatch for the pinned " + e.kind() + " spec " + e.version()
                    + " read from " + where + ":\n  expected " + e.sha256() + "\n  actual   " + actual
                    + "\nThe bytes are not the pinned spec. If Kalshi published a new version, bump the pin with"
                    + " `make sync-spec` (it updates spec/spec.lock.json, regenerates and prints the drift report);"
                    + " if a local copy was edited, delete spec/materialized/ (`make clean-spec`).");
        }
    }

    /** Lower-case hex sha256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Writes a new lock entry (used by the spec-bump tool). */
    public static void writeLock(Path root, Map<String, Entry> entries) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode tree = om.createObjectNode();
        for (Entry e : entries.values()) {
            ObjectNode n = tree.putObject(e.kind());
            n.put("version", e.version());
            n.put("file", e.file());
            n.put("sha256", e.sha256());
            n.put("url", e.url());
        }
        Files.writeString(root.resolve("spec/spec.lock.json"),
                om.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
    }
}
