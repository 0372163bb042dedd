package io.github.kalshi4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.codegen.PrepareSpecs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deliberate deviations between Kalshi's specs and the SDK ({@code contract-tests/exclusions.yaml}). Each entry
 * matches drift items and must say why they are fine:
 *
 * <pre>
 * exclusions:
 *   - id: uuid-as-string                 # unique, used in reports
 *     comparison: [rest, ws]             # optional: overlay | rest | ws
 *     kind: type-changed                 # optional: one id or a list (DriftItem.Kind#id)
 *     subject: "*"                       # optional: one glob or a list ('*' any text, '?' one character)
 *     before: "*String*"                 # optional glob on the item's from-side value
 *     after: "*UUID*"                    # optional glob on the item's to-side value
 *     reason: the generator maps format uuid to String on purpose, because ...   # mandatory
 * </pre>
 *
 * An entry without a reason, with unknown keys or kinds, or with neither {@code kind} nor {@code subject} is a problem;
 * so is a stale entry that matches no drift item. Any problem fails the check.
 */
public final class Exclusions {

    private static final Set<String> KEYS = Set.of("id", "comparison", "kind", "subject", "before", "after", "reason");

    /** One deviation and the items it covers. */
    public record Exclusion(String id, Set<String> comparisons, Set<DriftItem.Kind> kinds, List<String> subjects,
            String before, String after, String reason) {

        /** Whether this entry explains an item. */
        public boolean matches(DriftItem item) {
            return (comparisons.isEmpty() || comparisons.contains(item.comparison()))
                    && (kinds.isEmpty() || kinds.contains(item.kind()))
                    && (subjects.isEmpty() || subjects.stream().anyMatch(g -> glob(g, item.subject())))
                    && (before == null || item.before() != null && glob(before, item.before()))
                    && (after == null || item.after() != null && glob(after, item.after()));
        }
    }

    /** The outcome of applying exclusions to drift items. */
    public record Applied(Map<DriftItem, String> explainedBy, List<DriftItem> unexplained, List<String> problems) { }

    private final String source;
    private final List<Exclusion> entries;
    private final List<String> problems;

    private Exclusions(String source, List<Exclusion> entries, List<String> problems) {
        this.source = source;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** No exclusions (for spec-to-spec diffs, where every difference is news). */
    public static Exclusions none() {
        return new Exclusions("(none)", List.of(), List.of());
    }

    /** Reads and validates a file; a missing file is a problem, not an exception. */
    public static Exclusions load(Path file) {
        if (!Files.exists(file)) {
            return new Exclusions(file.toString(), List.of(), List.of(file + " does not exist"));
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            return new Exclusions(file.toString(), List.of(), List.of("cannot read " + file + ": " + e.getMessage()));
        }
    }

    /** Parses YAML text; {@code source} names it in messages. */
    public static Exclusions parse(String yaml, String source) {
        List<Exclusion> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode doc;
        try {
            doc = PrepareSpecs.yamlMapper().readTree(yaml);
        } catch (IOException e) {
            return new Exclusions(source, List.of(), List.of(source + " is not valid YAML: " + e.getMessage()));
        }
        JsonNode list = doc == null ? null : doc.get("exclusions");
        if (list == null || !list.isArray()) {
            return new Exclusions(source, List.of(), List.of(source + " needs a top-level 'exclusions:' list"));
        }
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode e : list) {
            index++;
            String id = e.path("id").asText("").trim();
            String where = source + " entry " + index + (id.isEmpty() ? "" : " '" + id + "'");
            if (id.isEmpty()) {
                problems.add(where + " has no id");
            } else if (!ids.add(id)) {
                problems.add(where + ": duplicate id");
            }
            e.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    problems.add(where + ": unknown key '" + k + "' (allowed: " + String.join(", ", KEYS) + ")");
                }
            });
            String reason = e.path("reason").isTextual() ? e.get("reason").asText().trim() : "";
            if (reason.isEmpty()) {
                problems.add(where + " has no reason: every deliberate deviation must say why it is fine");
            }
            Set<DriftItem.Kind> kinds = new LinkedHashSet<>();
            for (String k : strings(e.get("kind"))) {
                DriftItem.Kind kind = DriftItem.Kind.fromId(k);
                if (kind == null) {
                    problems.add(where + ": unknown kind '" + k + "'");
                } else {
                    kinds.add(kind);
                }
            }
            List<String> subjects = strings(e.get("subject"));
            if (kinds.isEmpty() && subjects.isEmpty()) {
                problems.add(where + " names neither a kind nor a subject; it would explain everything");
            }
            entries.add(new Exclusion(id, new LinkedHashSet<>(strings(e.get("comparison"))), kinds, subjects,
                    e.hasNonNull("before") ? e.get("before").asText() : null,
                    e.hasNonNull("after") ? e.get("after").asText() : null, reason));
        }
        return new Exclusions(source, entries, problems);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** Where these came from. */
    public String source() {
        return source;
    }

    /** The entries, in file order. */
    public List<Exclusion> entries() {
        return entries;
    }

    /** Problems found while reading (missing reasons, unknown keys); they fail the check. */
    public List<String> problems() {
        return problems;
    }

    /**
     * Explains what it can: each item is explained by the first entry that matches it. Entries that explain nothing
     * are stale and reported as problems, because a deviation that no longer exists must not hide a future one.
     */
    public Applied apply(List<DriftItem> items) {
        Map<DriftItem, String> explained = new IdentityHashMap<>();
        List<DriftItem> unexplained = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (DriftItem item : items) {
            Exclusion match = entries.stream().filter(x -> x.matches(item)).findFirst().orElse(null);
            if (match == null) {
                unexplained.add(item);
            } else {
                explained.put(item, match.id());
                used.add(match.id());
            }
        }
        List<String> all = new ArrayList<>(problems);
        entries.stream().filter(x -> !used.contains(x.id())).forEach(x -> all.add(source + ": exclusion '" + x.id()
                + "' is stale: it matches no drift item; remove it (the deviation it explained is gone)"));
        return new Applied(explained, unexplained, all);
    }

    /** Glob match over the whole text: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String glob, String text) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
