package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.PrepareSpecs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code make ws-spec-check ASYNCAPI=file}: shows that the WebSocket side follows a spec bump with no Java edit. In a
 * scratch copy of the project ({@link ScratchBuild}) the given AsyncAPI document is pinned, the WebSocket surface is
 * generated from it, and the overlay (the SDK) and the testkit are compiled. The project itself is not touched, and
 * nothing is installed.
 *
 * <p>Exit status 0 when both compile; 1 with the build's log when they do not; 2 on a usage or I/O error.
 */
public final class WsSpecCheckMain {

    private WsSpecCheckMain() {
    }

    /** Runs the check. */
    public static void main(String[] args) {
        String root = ".";
        String asyncapi = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--root" -> root = args[i + 1];
                case "--asyncapi" -> asyncapi = args[i + 1];
                default -> asyncapi = null;
            }
        }
        if (asyncapi == null || asyncapi.isBlank()) {
            System.err.println("usage: WsSpecCheckMain [--root DIR] --asyncapi FILE");
            System.exit(2);
        }
        try {
            Path project = Path.of(root).toAbsolutePath().normalize();
            Path log = project.resolve("contract-tests/target/ws-spec-check.log");
            int status = check(project, Path.of(asyncapi), System.getProperty("kalshi4j.mvn", "mvn -B"), log);
            if (status != 0) {
                System.err.print(Files.readString(log));
                System.err.println("\n[kalshi4j] ws-spec-check: the SDK does not compile against " + asyncapi
                        + " (build exited with " + status + "; log above and in " + log + ")");
                System.exit(1);
            }
            System.out.println("[kalshi4j] ws-spec-check: overlay and testkit compile from " + asyncapi
                    + " with no Java edit (log: " + log + ")");
        } catch (IOException | RuntimeException e) {
            System.err.println("[kalshi4j] ws-spec-check failed: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Pins {@code asyncapi} in a scratch copy of {@code project} and compiles the overlay and the testkit there.
     *
     * @return the build's exit status (0: both compile)
     */
    public static int check(Path project, Path asyncapi, String maven, Path log) throws IOException {
        byte[] bytes = Files.readAllBytes(asyncapi);
        String version = PrepareSpecs.yamlMapper().readTree(bytes).path("info").path("version").asText("unknown");
        try (ScratchBuild scratch = ScratchBuild.copyOf(project)) {
            scratch.pin("asyncapi", bytes, version);
            return scratch.maven(maven, List.of("-q", "compile", "-Dquick", "-pl", "overlay,testkit", "-am"), log, 15);
        }
    }
}
