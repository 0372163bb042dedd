package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away copy of the project in which a spec is pinned differently and the SDK is built from it, to show what a
 * spec bump costs: which modules still compile, with no edit to their Java. The copy holds the project's tracked and
 * untracked-but-not-ignored files (no build output); the new bytes go straight into its {@code spec/materialized/}
 * with a lock that names their sha256, so no mirror is needed.
 *
 * <p>It builds with {@code mvn package}, never {@code install}: a scratch SDK must not replace the real one in the
 * local Maven repository. Used by {@code make ws-spec-check} ({@link WsSpecCheckMain}) and by the tests that generate
 * the WebSocket surface from other AsyncAPI documents and the perps REST surface from another perps OpenAPI document.
 * It runs offline against the local repository of the build that runs it (system property
 * {@code kalshi4j.mavenRepoLocal}, which contract-tests' surefire sets).
 */
public final class ScratchBuild implements AutoCloseable {

    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", "materialized");

    private final Path dir;
    private final Path root;

    private ScratchBuild(Path dir, Path root) {
        this.dir = dir;
        this.root = root;
    }

    /**
     * Copies the project at {@code project} into a new temporary folder, with the pinned specs materialized.
     *
     * @param project the project's root folder
     * @return the scratch copy; close it to delete it
     */
    public static ScratchBuild copyOf(Path project) throws IOException {
        Path dir = Files.createTempDirectory("kalshi4j-scratch");
        Path root = dir.resolve("kalshi4j");
        for (Path rel : files(project)) {
            Path target = root.resolve(rel.toString());
            Files.createDirectories(target.getParent());
            Files.copy(project.resolve(rel), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        ScratchBuild b = new ScratchBuild(dir, root);
        SpecLock lock = SpecLock.read(project);
        for (SpecLock.Entry e : lock.entries()) {
            String kind = e.kind();
            Path target = root.resolve("spec/materialized/" + kind + ".yaml");
            Files.createDirectories(target.getParent());
            Files.write(target, lock.materialize(kind));
        }
        return b;
    }

    /** The scratch project's root folder. */
    public Path root() {
        return root;
    }

    /**
     * Pins other bytes for one pinned document ({@code openapi}, {@code asyncapi}, {@code perps-openapi}, ...):
     * writes them as the materialized document and records their sha256 and {@code version} in the scratch lock.
     */
    public void pin(String kind, byte[] bytes, String version) throws IOException {
        SpecLock lock = SpecLock.read(root);
        if (!lock.has(kind)) {
            throw new IllegalArgumentException("the lock pins no '" + kind + "' document");
        }
        Map<String, SpecLock.Entry> entries = new LinkedHashMap<>();
        for (SpecLock.Entry e : lock.entries()) {
            String k = e.kind();
            entries.put(k, k.equals(kind)
                    ? new SpecLock.Entry(k, version, "scratch-" + k + ".yaml", SpecLock.sha256(bytes), e.url()) : e);
        }
        SpecLock.writeLock(root, entries);
        Files.write(root.resolve("spec/materialized/" + kind + ".yaml"), bytes);
    }

    /** Writes a file into the scratch project (a test of its own, say), creating folders. */
    public void write(String relativePath, String text) throws IOException {
        Path target = root.resolve(relativePath);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    /**
     * Runs Maven in the scratch project, offline (everything it needs was resolved by the build that runs this), with
     * its output in {@code log}.
     *
     * @param maven the Maven command, e.g. {@code mvn -B}
     * @param args the goals and options
     * @param log where the output goes
     * @param timeoutMinutes how long the build may take before it is stopped
     * @return the exit status; -1 when it timed out
     */
    public int maven(String maven, List<String> args, Path log, long timeoutMinutes) throws IOException {
        List<String> command = new ArrayList<>(List.of(maven.trim().split("\\s+")));
        command.add("-o");
        // Offline works only against the repository the running build resolved into: pass it on (and the JDK the
        // OpenSSL signer's classes build with) unless the command names its own.
        for (String[] pass : new String[][] {{"kalshi4j.mavenRepoLocal", "maven.repo.local"},
                {"kalshi4j.ffmJdk", "kalshi4j.ffmJdk"}}) {
            String value = System.getProperty(pass[0]);
            if (value != null && !value.isBlank() && !value.startsWith("${")
                    && command.stream().noneMatch(a -> a.startsWith("-D" + pass[1] + "="))) {
                command.add("-D" + pass[1] + "=" + value);
            }
        }
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while building in " + root, e);
        }
    }

    /** Deletes the scratch folder. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The project's files: what git tracks plus what it does not ignore, else everything but build output. */
    private static List<Path> files(Path project) throws IOException {
        if (Files.isDirectory(project.resolve(".git"))) {
            try {
                Process p = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                        .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    List<Path> files = new ArrayList<>();
                    for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                        if (!name.isEmpty() && Files.isRegularFile(project.resolve(name))) {
                            files.add(Path.of(name));
                        }
                    }
                    return files;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while listing " + project, e);
            }
        }
        try (Stream<Path> walk = Files.walk(project)) {
            return walk.filter(Files::isRegularFile)
                    .map(project::relativize)
                    .filter(rel -> {
                        for (Path part : rel) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        }
    }
}
