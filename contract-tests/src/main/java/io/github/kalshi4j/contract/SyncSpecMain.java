package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make sync-spec [SOURCE=dir-or-url]}: bumps the spec pin to what Kalshi publishes now, for every document
 * {@code spec/spec.lock.json} pins (the Trade API's {@code openapi} and {@code asyncapi}, the Perps API's
 * {@code perps-openapi} and {@code perps-asyncapi}, ...).
 *
 * <ol>
 *   <li>fetches each new document: by default from its canonical URL in {@code spec/spec.lock.json}; from
 *       {@code SOURCE/<file name of that URL>} ({@code openapi.yaml}, {@code perps_openapi.yaml}) when SOURCE is a
 *       base URL; from a folder holding {@code <document>.yaml}, a file named like the canonical URL's, or
 *       {@code kalshi-<document>-<version>.yaml} files (the newest version of each; a document the folder lacks keeps
 *       its pin);</li>
 *   <li>computes their sha256 and rewrites {@code spec/spec.lock.json} (version from the document's
 *       {@code info.version}; file: the source file's path relative to the spec mirror, or its name, or
 *       {@code kalshi-<kind>-<version>.yaml} for a download; clean checkouts find the bytes in a mirror by hash);</li>
 *   <li>replaces {@code spec/materialized/} with the new bytes;</li>
 *   <li>regenerates the SDK surface {@code make drift} checks ({@link #maven()});</li>
 *   <li>prints the old-to-new drift report and a markdown summary for the pull request (breaking changes first),
 *       also written to {@code contract-tests/target/spec-bump-summary.md} and {@code spec-bump-report.json}.</li>
 * </ol>
 */
public final class SyncSpecMain {

    /** Regenerates the SDK once the pin has moved; tests substitute a no-op. */
    @FunctionalInterface
    public interface Regenerator {
        /** Regenerates under {@code root}, failing with an exception when the build fails. */
        void regenerate(Path root) throws IOException;
    }

    /**
     * What a bump did.
     *
     * @param changed false when the source holds exactly the pinned bytes (nothing was touched)
     * @param before the lock entries before
     * @param after the lock entries after
     * @param report the old-to-new drift report (null when nothing changed)
     * @param summary the pull-request markdown (null when nothing changed)
     */
    public record Result(boolean changed, Map<String, SpecLock.Entry> before, Map<String, SpecLock.Entry> after,
            DriftReport report, String summary) { }

    /** @param file the local file read, or null (a download, or the current pin kept) */
    private record Fetched(byte[] bytes, String where, String url, Path file) { }

    private SyncSpecMain() {
    }

    /** Runs the bump; exit status 0 on success, 2 on failure. */
    public static void main(String[] args) {
        String root = ".";
        String source = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = args[i + 1];
                case "--source" -> source = args[i + 1].isBlank() ? null : args[i + 1];
                default -> {
                    System.err.println("usage: SyncSpecMain [--root DIR] [--source DIR|URL]");
                    System.exit(2);
                }
            }
        }
        try {
            run(Path.of(root).toAbsolutePath().normalize(), source, maven(), System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("\n[kalshi4j] sync-spec failed: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The regeneration step: {@code <mvn> -q -pl contract-tests -am install -Dquick -DskipTests}, which regenerates
     * and compiles the whole surface {@code make drift} then checks (generated models and stubs, the SDK over them,
     * the contract tools), after deleting {@code generated/target}. That deletion matters: the generator never
     * deletes files, so classes of schemas the new spec dropped would otherwise stay (and {@code make drift} would
     * report them as removed-but-present). Only {@code generated/target} goes: this tool runs from the other modules'
     * classes. {@code <mvn>} is the {@code kalshi4j.mvn} property ({@code make}'s {@code MVN}, flags included).
     */
    public static Regenerator maven() {
        return root -> {
            List<String> command = new ArrayList<>(List.of(System.getProperty("kalshi4j.mvn", "mvn -B").trim()
                    .split("\\s+")));
            command.addAll(List.of("-q", "-pl", "contract-tests", "-am", "install", "-Dquick", "-DskipTests"));
            deleteTree(root.resolve("generated/target"));
            try {
                Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
                int status = p.waitFor();
                if (status != 0) {
                    throw new IOException(String.join(" ", command) + " exited with " + status + "; spec/spec.lock.json"
                            + " already names the new version (git checkout spec/ to undo)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while regenerating", e);
            }
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Bumps the pin under {@code root} to the documents at {@code source} (null: the canonical URLs). */
    public static Result run(Path root, String source, Regenerator regenerator, PrintStream out) throws IOException {
        SpecLock lock = SpecLock.read(root);
        List<String> kinds = lock.entries().stream().map(SpecLock.Entry::kind).toList();
        Map<String, SpecLock.Entry> before = new LinkedHashMap<>();
        Map<String, byte[]> oldBytes = new LinkedHashMap<>();
        for (String kind : kinds) {
            before.put(kind, lock.entry(kind));
            oldBytes.put(kind, lock.materialize(kind));
        }

        Map<String, SpecLock.Entry> after = new LinkedHashMap<>();
        Map<String, Fetched> fetched = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String kind : kinds) {
            SpecLock.Entry old = before.get(kind);
            Fetched f = fetch(root, source, kind, old);
            if (f == null) {
                notes.add(kind + ": not in " + source + "; the pin stays at " + old.version());
                f = new Fetched(oldBytes.get(kind), "the current pin", old.url(), null);
            }
            String actualKind = SpecDiff.kind(f.bytes(), f.where());
            if (!actualKind.equals(SpecLock.formatOf(kind))) {
                throw new IllegalArgumentException(f.where() + " is an " + actualKind + " document, expected "
                        + SpecLock.formatOf(kind) + " (" + kind + ")");
            }
            String version = AsyncApiReader.tree(f.bytes()).path("info").path("version").asText("");
            if (version.isBlank()) {
                throw new IllegalArgumentException(f.where() + " has no info.version");
            }
            String sha = SpecLock.sha256(f.bytes());
            String file = f.file() != null ? recordedName(lock, f.file()) : sha.equalsIgnoreCase(old.sha256())
                    ? old.file() : "kalshi-" + kind + "-" + version + ".yaml";
            after.put(kind, new SpecLock.Entry(kind, version, file, sha, f.url()));
            fetched.put(kind, f);
            if (!sha.equalsIgnoreCase(old.sha256()) && version.equals(old.version())) {
                notes.add(kind + ": new bytes under the same version label " + version + " (sha256 " + shortSha(old.sha256())
                        + " -> " + shortSha(sha) + "); a spec mirror finds them by hash, so keep the older file too"
                        + " (other checkouts may still pin it) and add the new one under any name");
            }
        }
        boolean changed = kinds.stream().anyMatch(k -> !after.get(k).sha256().equalsIgnoreCase(before.get(k).sha256())
                || !after.get(k).url().equals(before.get(k).url()));
        if (!changed) {
            out.println("[kalshi4j] sync-spec: " + describe(before) + " is already pinned; nothing to do.");
            return new Result(false, before, after, null, null);
        }

        SpecLock.writeLock(root, after);
        Path materialized = root.resolve("spec/materialized");
        Files.createDirectories(materialized);
        // The effective specs are derived from the old bytes; the regeneration writes them afresh.
        for (String kind : kinds) {
            Files.deleteIfExists(materialized.resolve(kind + ".effective.json"));
        }
        for (String kind : kinds) {
            Files.write(materialized.resolve(kind + ".yaml"), fetched.get(kind).bytes());
        }
        out.println("[kalshi4j] sync-spec: pinned " + describe(after) + " (was " + describe(before) + "); regenerating...");
        regenerator.regenerate(root);

        List<DriftItem> items = new ArrayList<>();
        List<DriftReport.Comparison> comparisons = new ArrayList<>();
        for (String kind : kinds) {
            String fromLabel = before.get(kind).file();
            String toLabel = fetched.get(kind).where();
            comparisons.add(SpecDiff.comparison(kind, oldBytes.get(kind), fromLabel, fetched.get(kind).bytes(), toLabel));
            items.addAll(SpecDiff.items(kind, oldBytes.get(kind), fromLabel, fetched.get(kind).bytes(), toLabel));
        }
        DriftReport report = DriftReport.of("Kalshi spec bump: " + transition(before, after), comparisons, items,
                Exclusions.none());
        String summary = summary(report, kinds, before, after, notes);
        Path target = root.resolve("contract-tests/target");
        report.writeJson(target.resolve("spec-bump-report.json"));
        Files.writeString(target.resolve("spec-bump-summary.md"), summary);
        out.print(report.text());
        out.println("\n---- pull-request summary (also in contract-tests/target/spec-bump-summary.md) ----\n");
        out.print(summary);
        return new Result(true, before, after, report, summary);
    }

    /** The new document of a kind, or null when a folder source does not have one. */
    private static Fetched fetch(Path root, String source, String kind, SpecLock.Entry old) throws IOException {
        if (source == null) {
            return new Fetched(SpecLock.download(old.url()), old.url(), old.url(), null);
        }
        if (SpecSource.isUrl(source)) {
            if (source.endsWith(".yaml") || source.endsWith(".json")) {
                throw new IllegalArgumentException("SOURCE must be a folder or a base URL (openapi.yaml and asyncapi.yaml"
                        + " are fetched from it), not a file: " + source);
            }
            String url = source.replaceAll("/+$", "") + "/" + urlFileName(old.url(), kind);
            return new Fetched(SpecLock.download(url), url, url, null);
        }
        Path dir = root.resolve(source);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("SOURCE " + dir + " is not a folder");
        }
        Path file = newest(dir, kind);
        if (file == null && Files.isRegularFile(dir.resolve(urlFileName(old.url(), kind)))) {
            file = dir.resolve(urlFileName(old.url(), kind));
        }
        return file == null ? null : new Fetched(Files.readAllBytes(file), file.toString(), old.url(), file);
    }

    /** The file name of a canonical URL ({@code perps_openapi.yaml}), or {@code <document>.yaml}. */
    static String urlFileName(String url, String kind) {
        String name = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") || name.endsWith(".json") ? name : kind + ".yaml";
    }

    /**
     * The lock's name for a local source file: its path relative to the spec mirror in force when it lies inside it
     * ({@code next/kalshi-asyncapi-2.0.0-later.yaml}), else its file name. Clean checkouts find the bytes by hash
     * either way; the recorded name is where the lookup looks first and what a reader of the lock sees.
     */
    static String recordedName(SpecLock lock, Path file) throws IOException {
        Path mirror = lock.mirrorDir();
        Path real = file.toRealPath();
        if (mirror != null && Files.isDirectory(mirror)) {
            Path realMirror = mirror.toRealPath();
            if (real.startsWith(realMirror)) {
                return realMirror.relativize(real).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }

    /** {@code <kind>.yaml}, else the {@code kalshi-<kind>-<version>.yaml} with the highest version. */
    static Path newest(Path dir, String kind) throws IOException {
        Path plain = dir.resolve(kind + ".yaml");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path best = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "kalshi-" + kind + "-*.yaml")) {
            for (Path p : ds) {
                if (best == null || compareVersions(versionOf(p, kind), versionOf(best, kind)) > 0) {
                    best = p;
                }
            }
        }
        return best;
    }

    private static String versionOf(Path file, String kind) {
        String name = file.getFileName().toString();
        return name.substring(("kalshi-" + kind + "-").length(), name.length() - ".yaml".length());
    }

    /** Numeric segments compare as numbers ({@code 3.20.0 > 3.9.0}); a suffix sorts after the bare version. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "";
            String q = i < y.length ? y[i] : "";
            int c = p.matches("\\d+") && q.matches("\\d+") ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String summary(DriftReport report, List<String> kinds, Map<String, SpecLock.Entry> before,
            Map<String, SpecLock.Entry> after, List<String> notes) {
        StringBuilder sb = new StringBuilder(report.markdown());
        sb.append("\n### Pin\n\n| spec | before | after |\n|---|---|---|\n");
        for (String kind : kinds) {
            sb.append("| ").append(kind).append(" | ").append(before.get(kind).version()).append(" (`")
                    .append(shortSha(before.get(kind).sha256())).append("`) | ").append(after.get(kind).version())
                    .append(" (`").append(shortSha(after.get(kind).sha256())).append("`) |\n");
        }
        if (!notes.isEmpty()) {
            sb.append("\n### Notes\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append("\nNext: `make drift` checks the regenerated SDK against the new pin; record deliberate deviations in"
                + " `contract-tests/exclusions.yaml` (with a reason) and remove the stale ones it names.\n");
        return sb.toString();
    }

    private static String transition(Map<String, SpecLock.Entry> before, Map<String, SpecLock.Entry> after) {
        List<String> parts = new ArrayList<>();
        before.keySet().forEach(k -> parts.add(k + " " + before.get(k).version() + " -> " + after.get(k).version()));
        return String.join(", ", parts);
    }

    private static String describe(Map<String, SpecLock.Entry> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach((k, e) -> parts.add(k + " " + e.version()));
        return String.join(", ", parts);
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
