package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.SpecException;
import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code make drift}: the drift report on stdout, JSON beside it; exit status 0 when there is no unexplained drift,
 * 1 when there is, 2 when the inputs cannot be read.
 *
 * <pre>
 * DriftMain [--root DIR] [--json FILE] [--exclusions FILE]                  pinned specs vs the compiled SDK
 * DriftMain [--root DIR] [--json FILE] [--from FILE|URL] --to FILE|URL      two spec documents (FROM defaults to the
 *           [--document NAME]                                              pinned document of TO's kind, materialized
 *                                                                          from the mirror or URL when no build ran)
 * </pre>
 *
 * Several APIs pin a document of each kind ({@code openapi}, {@code perps-openapi}): FROM's default is the one
 * {@code --document} names, else the one whose canonical URL ends in TO's file name ({@code perps_openapi.yaml},
 * {@code kalshi-perps-openapi-0.0.1.yaml} names {@code perps-openapi} too), else the Trade API's.
 */
public final class DriftMain {

    private static final Set<String> OPTIONS = Set.of("--root", "--from", "--to", "--json", "--exclusions", "--markdown",
            "--document");

    private DriftMain() {
    }

    /** Runs and exits with the status of {@link #run}. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The pinned bytes of a kind, the default FROM of {@code make drift TO=...}: {@code spec/materialized/} when a
     * build wrote it, else materialized now the way the build does (the spec mirror, found by sha256, or the
     * canonical URL). A nightly job on a fresh runner has no build output yet, and once Kalshi has moved past the pin
     * the URL serves other bytes, so the failure says how to supply the pinned ones.
     */
    static byte[] pinned(Path root, String kind) throws IOException {
        SpecLock lock = SpecLock.read(root);
        try {
            return lock.materialize(kind);
        } catch (SpecException e) {
            SpecLock.Entry entry = lock.entry(kind);
            throw new IllegalArgumentException("FROM defaults to the pinned " + kind + " spec " + entry.version()
                    + " (sha256 " + entry.sha256() + "), which is not in spec/materialized/ and could not be obtained:\n"
                    + e.getMessage() + "\nSupply the pinned bytes: KALSHI_SPEC_DIR=<folder holding a file with that"
                    + " sha256, under any name>, or FROM=<file or URL>.", e);
        }
    }

    /**
     * The pinned document {@code make drift TO=...} compares with: {@code document} when given (it must be of TO's
     * format), else the document of that format whose canonical URL's file name TO ends with, or whose name TO's
     * file name holds ({@code kalshi-perps-openapi-0.0.1.yaml}), else the Trade API's.
     */
    static String pinnedDocument(SpecLock lock, String format, String to, String document) {
        if (document != null) {
            if (!lock.has(document) || !format.equals(SpecLock.formatOf(document))) {
                throw new IllegalArgumentException("--document " + document + " is not a pinned " + format
                        + " document (pinned: " + String.join(", ", lock.entries().stream().map(SpecLock.Entry::kind)
                        .toList()) + ")");
            }
            return document;
        }
        String name = to.replaceAll("[?#].*$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String best = format;
        for (SpecLock.Entry e : lock.entries()) {
            if (!e.format().equals(format) || e.api().equals("trade")) {
                continue;
            }
            if (name.equals(SyncSpecMain.urlFileName(e.url(), e.kind())) || name.contains(e.kind())) {
                best = e.kind();
            }
        }
        return best;
    }

    /** Runs the report; returns 0 (no unexplained drift), 1 (drift) or 2 (usage or input error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println("usage: DriftMain [--root DIR] [--json FILE] [--exclusions FILE] [[--from FILE|URL] --to FILE|URL]"
                        + " (bad argument: " + args[i] + ")");
                return 2;
            }
            opts.put(args[i], args[++i]);
        }
        Path root = Path.of(opts.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path json = root.resolve(opts.getOrDefault("--json", "contract-tests/target/drift-report.json"));
        try {
            DriftReport report;
            if (opts.containsKey("--to")) {
                byte[] to = SpecSource.read(opts.get("--to"), root);
                if (opts.containsKey("--from")) {
                    String from = opts.get("--from");
                    report = SpecDiff.report(SpecSource.read(from, root), from, to, opts.get("--to"));
                } else {
                    String kind = pinnedDocument(SpecLock.read(root), SpecDiff.kind(to, opts.get("--to")),
                            opts.get("--to"), opts.get("--document"));
                    report = SpecDiff.report(kind, pinned(root, kind), "pinned " + kind + " "
                            + SpecLock.read(root).entry(kind).version(), to, opts.get("--to"));
                }
            } else if (opts.containsKey("--from")) {
                err.println("--from needs --to");
                return 2;
            } else {
                PinnedDriftCheck.Inputs inputs = PinnedDriftCheck.Inputs.fromRoot(root);
                if (opts.containsKey("--exclusions")) {
                    inputs = inputs.withExclusions(root.resolve(opts.get("--exclusions")));
                }
                report = PinnedDriftCheck.run(inputs, ReflectiveSurface.compiled());
            }
            out.print(report.text());
            report.writeJson(json);
            out.println("JSON report: " + root.relativize(json));
            if (opts.containsKey("--markdown")) {
                Path md = root.resolve(opts.get("--markdown"));
                Files.createDirectories(md.toAbsolutePath().getParent());
                Files.writeString(md, report.markdown());
                out.println("markdown summary: " + root.relativize(md.toAbsolutePath()));
            }
            return report.ok() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("[kalshi4j] drift: " + e.getMessage());
            return 2;
        }
    }
}
