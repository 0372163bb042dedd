package io.github.kalshi4j.it.reliability;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reliability group's settings and figures. {@code make test} runs the group at its small default scale;
 * {@code make reliability} raises it with {@code -Dkalshi4j.reliability.seeds=N} and
 * {@code -Dkalshi4j.reliability.mutations=M} (mutations per wire sample per seed). Every test of the group writes
 * its figures to {@code target/reliability/<area>.properties}; {@link ReliabilityReport} turns them into
 * {@code docs/RELIABILITY.md}.
 */
public final class Reliability {

    /** The JUnit tag of the group ({@code mvn -Dgroups=reliability}). */
    public static final String TAG = "reliability";

    private Reliability() {
    }

    /** Seeds to fuzz with: 0, 1, ..., seeds-1 (plus the base seed). */
    public static int seeds() {
        return Integer.getInteger("kalshi4j.reliability.seeds", 2);
    }

    /** Mutations per wire sample per seed. */
    public static int mutations() {
        return Integer.getInteger("kalshi4j.reliability.mutations", 4);
    }

    /** Added to every seed, so a run can be repeated exactly or moved elsewhere. */
    public static long baseSeed() {
        return Long.getLong("kalshi4j.reliability.baseSeed", 17L);
    }

    /** The wire samples: {@code ../shared/wire-samples} beside the checkout, or {@code -Dkalshi4j.wireSamples}. */
    public static Path wireSamples() {
        String configured = System.getProperty("kalshi4j.wireSamples");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path root = Paths.get(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize();
        Path beside = root.resolveSibling("shared").resolve("wire-samples");
        if (Files.isDirectory(beside)) {
            return beside;
        }
        throw new IllegalStateException("wire samples not found beside " + root + "; set -Dkalshi4j.wireSamples");
    }

    /** The lines of every file of one kind ({@code rest}: whole files; {@code ws}: one frame a line). */
    public static List<Sample> samples(String kind) {
        Path dir = wireSamples().resolve(kind);
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".jsonl")) {
                    int line = 0;
                    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        line++;
                        if (!l.isBlank()) {
                            out.add(new Sample(name + ":" + line, l));
                        }
                    }
                } else if (name.endsWith(".json")) {
                    out.add(new Sample(name, Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One wire sample. */
    public record Sample(String name, String text) { }

    /** An unexpected throwable with the frames that locate it, for a defect line. */
    public static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(String.valueOf(t));
        int shown = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (shown == 6) {
                break;
            }
            b.append(shown == 0 ? " at " : " < ").append(e.getClassName()).append('.').append(e.getMethodName())
                    .append(':').append(e.getLineNumber());
            shown++;
        }
        return b.toString();
    }

    /** Writes one area's figures (kept in the order given). */
    public static void record(String area, Map<String, ?> figures) {
        Path dir = Paths.get("target", "reliability");
        Properties p = new Properties();
        figures.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve(area + ".properties"), StandardCharsets.UTF_8)) {
                p.store(w, "kalshi4j reliability figures: " + area);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every area's figures from a directory {@link #record} wrote to. */
    public static Map<String, Properties> read(Path dir) {
        Map<String, Properties> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                String n = f.getFileName().toString();
                out.put(n.substring(0, n.length() - ".properties".length()), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
