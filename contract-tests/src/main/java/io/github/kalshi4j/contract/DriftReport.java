package io.github.kalshi4j.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one or more comparisons: every drift item, which exclusion explains it (if any) and any problem with
 * the exclusions themselves. Renders as text (stdout), JSON ({@code drift-report.json}) and a markdown summary for a
 * pull request. {@link #ok()} is false on any unexplained item or any exclusion problem.
 */
public final class DriftReport {

    /** One comparison that contributed items. */
    public record Comparison(String name, String from, String to) { }

    private static final String[] CATEGORIES = {"operation", "stub", "parameter", "parameter encoding", "schema", "field",
        "type", "required", "enum value", "enum not exposed", "channel", "channel messages", "message"};

    private final String title;
    private final List<Comparison> comparisons;
    private final List<DriftItem> items;
    private final Map<DriftItem, String> explainedBy;
    private final List<DriftItem> unexplained;
    private final List<String> problems;
    private final String exclusionsSource;

    private DriftReport(String title, List<Comparison> comparisons, List<DriftItem> items, Exclusions.Applied applied,
            String exclusionsSource) {
        this.title = title;
        this.comparisons = List.copyOf(comparisons);
        this.items = List.copyOf(items);
        this.explainedBy = new IdentityHashMap<>(applied.explainedBy());
        this.unexplained = List.copyOf(applied.unexplained());
        this.problems = List.copyOf(applied.problems());
        this.exclusionsSource = exclusionsSource;
    }

    /** A report over items from the given comparisons, explained by {@code exclusions}. */
    public static DriftReport of(String title, List<Comparison> comparisons, List<DriftItem> items, Exclusions exclusions) {
        // The report and the exclusions share these item instances: explanations are looked up by identity.
        List<DriftItem> copy = new ArrayList<>(items);
        return new DriftReport(title, comparisons, copy, exclusions.apply(copy), exclusions.source());
    }

    /** True when every item is explained and the exclusions have no problem. */
    public boolean ok() {
        return unexplained.isEmpty() && problems.isEmpty();
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The comparisons made. */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    /** Every item, explained or not. */
    public List<DriftItem> items() {
        return items;
    }

    /** Items no exclusion explains. */
    public List<DriftItem> unexplained() {
        return unexplained;
    }

    /** The breaking items. */
    public List<DriftItem> breaking() {
        return items.stream().filter(DriftItem::breaking).toList();
    }

    /** The id of the exclusion that explains an item, or null. */
    public String explainedBy(DriftItem item) {
        return explainedBy.get(item);
    }

    /** Problems with the exclusions: missing reasons, stale entries. */
    public List<String> problems() {
        return problems;
    }

    // ---------------------------------------------------------------- text

    /** The human-readable report. */
    public String text() {
        StringBuilder sb = new StringBuilder(title).append("\n\n");
        int width = Math.max(9, comparisons.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        for (Comparison c : comparisons) {
            long n = items.stream().filter(i -> i.comparison().equals(c.name())).count();
            sb.append(String.format("  %-" + width + "s %s  ->  %s: %d difference%s%n", c.name(), c.from(), c.to(), n,
                    n == 1 ? "" : "s"));
        }
        sb.append("\n  Each line reads from -> to: '+' only on the 'to' side, '-' only on the 'from' side, '~' changed.\n");
        if (comparisons.stream().anyMatch(c -> c.from().startsWith("compiled SDK"))) {
            sb.append("  Against the compiled SDK, 'to' is the spec: '+' is in the spec but missing from the SDK.\n");
        }
        sb.append('\n');

        List<DriftItem> breakingUnexplained = byCategory(unexplained.stream().filter(DriftItem::breaking).toList());
        List<DriftItem> otherUnexplained = unexplained.stream().filter(i -> !i.breaking()).toList();
        sb.append(withExclusions() ? "Unexplained drift: " : "Differences: ").append(unexplained.size()).append('\n');
        if (!breakingUnexplained.isEmpty()) {
            sb.append("  BREAKING (").append(breakingUnexplained.size()).append(")\n");
            breakingUnexplained.forEach(i -> sb.append("    [").append(i.comparison()).append("] ").append(i.describe()).append('\n'));
        }
        appendGrouped(sb, otherUnexplained, "    ");

        if (!explainedBy.isEmpty()) {
            sb.append("\nExplained by ").append(exclusionsSource).append(": ").append(explainedBy.size()).append('\n');
            Map<String, List<DriftItem>> byExclusion = new LinkedHashMap<>();
            items.stream().filter(explainedBy::containsKey)
                    .forEach(i -> byExclusion.computeIfAbsent(explainedBy.get(i), k -> new ArrayList<>()).add(i));
            byExclusion.forEach((id, list) -> {
                sb.append("  ").append(id).append(" (").append(list.size()).append(")\n");
                list.forEach(i -> sb.append("    [").append(i.comparison()).append("] ").append(i.breaking() ? "BREAKING " : "")
                        .append(i.describe()).append('\n'));
            });
        }
        if (!problems.isEmpty()) {
            sb.append("\nExclusion problems: ").append(problems.size()).append('\n');
            problems.forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        if (ok()) {
            sb.append("\nRESULT: OK - no unexplained drift\n");
        } else if (withExclusions()) {
            sb.append("\nRESULT: FAILED - ").append(unexplained.size()).append(" unexplained item(s), ").append(problems.size())
                    .append(" exclusion problem(s)\n");
        } else {
            sb.append("\nRESULT: DRIFT - ").append(items.size()).append(" difference(s), ").append(breaking().size())
                    .append(" breaking\n");
        }
        return sb.toString();
    }

    private boolean withExclusions() {
        return !"(none)".equals(exclusionsSource);
    }

    /** Items ordered by category (operations first, then parameters, schemas, fields, ...), stable within one. */
    private static List<DriftItem> byCategory(List<DriftItem> list) {
        List<String> order = List.of(CATEGORIES);
        List<DriftItem> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingInt(i -> order.indexOf(i.kind().category())));
        return sorted;
    }

    private static void appendGrouped(StringBuilder sb, List<DriftItem> list, String indent) {
        for (DriftItem.Change change : DriftItem.Change.values()) {
            List<DriftItem> part = byCategory(list.stream().filter(i -> i.kind().change() == change).toList());
            if (!part.isEmpty()) {
                sb.append(indent, 0, indent.length() - 2).append(change.name().charAt(0))
                        .append(change.name().substring(1).toLowerCase(java.util.Locale.ROOT)).append(" (")
                        .append(part.size()).append(")\n");
                part.forEach(i -> sb.append(indent).append('[').append(i.comparison()).append("] ").append(i.describe())
                        .append('\n'));
            }
        }
    }

    // ---------------------------------------------------------------- JSON

    /** The machine-readable report. */
    public ObjectNode json() {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("title", title);
        root.put("ok", ok());
        ArrayNode cs = root.putArray("comparisons");
        for (Comparison c : comparisons) {
            ObjectNode n = cs.addObject();
            n.put("name", c.name());
            n.put("from", c.from());
            n.put("to", c.to());
            n.put("differences", items.stream().filter(i -> i.comparison().equals(c.name())).count());
        }
        ObjectNode counts = root.putObject("counts");
        counts.put("total", items.size());
        counts.put("breaking", breaking().size());
        counts.put("explained", explainedBy.size());
        counts.put("unexplained", unexplained.size());
        ObjectNode byCategory = counts.putObject("byCategory");
        for (String category : CATEGORIES) {
            ObjectNode n = om.createObjectNode();
            for (DriftItem.Change change : DriftItem.Change.values()) {
                long k = items.stream().filter(i -> i.kind().category().equals(category) && i.kind().change() == change).count();
                if (k > 0) {
                    n.put(change.name().toLowerCase(java.util.Locale.ROOT), k);
                }
            }
            if (n.size() > 0) {
                byCategory.set(category, n);
            }
        }
        ArrayNode arr = root.putArray("items");
        for (DriftItem i : items) {
            ObjectNode n = arr.addObject();
            n.put("comparison", i.comparison());
            n.put("kind", i.kind().id());
            n.put("category", i.kind().category());
            n.put("change", i.kind().change().name().toLowerCase(java.util.Locale.ROOT));
            n.put("subject", i.subject());
            n.put("before", i.before());
            n.put("after", i.after());
            n.put("breaking", i.breaking());
            n.put("explainedBy", explainedBy.get(i));
        }
        ArrayNode ps = root.putArray("problems");
        problems.forEach(ps::add);
        return root;
    }

    /** Writes {@link #json()} to a file, creating its directory. */
    public void writeJson(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()) + "\n");
    }

    // ---------------------------------------------------------------- markdown

    /** A summary to paste into a pull request: counts, breaking changes first, then everything else. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("## ").append(title).append("\n\n");
        for (Comparison c : comparisons) {
            sb.append("- **").append(c.name()).append("**: `").append(c.from()).append("` → `").append(c.to()).append("`\n");
        }
        sb.append("\n**").append(items.size()).append(" change").append(items.size() == 1 ? "" : "s").append(", ")
                .append(breaking().size()).append(" breaking.**\n\n");
        sb.append("| | added | removed | changed |\n|---|---:|---:|---:|\n");
        for (String category : CATEGORIES) {
            long[] n = new long[3];
            items.stream().filter(i -> i.kind().category().equals(category)).forEach(i -> n[i.kind().change().ordinal()]++);
            if (n[0] + n[1] + n[2] > 0) {
                sb.append("| ").append(category).append(" | ").append(n[0]).append(" | ").append(n[1]).append(" | ")
                        .append(n[2]).append(" |\n");
            }
        }
        List<DriftItem> breaking = byCategory(breaking());
        sb.append("\n### Breaking changes (").append(breaking.size()).append(")\n\n");
        if (breaking.isEmpty()) {
            sb.append("None.\n");
        }
        breaking.forEach(i -> sb.append("- `").append(i.describe()).append("` (").append(i.comparison()).append(")\n"));
        for (DriftItem.Change change : DriftItem.Change.values()) {
            List<DriftItem> part = items.stream().filter(i -> !i.breaking() && i.kind().change() == change).toList();
            if (!part.isEmpty()) {
                String heading = change.name().charAt(0) + change.name().substring(1).toLowerCase(java.util.Locale.ROOT);
                sb.append("\n### ").append(heading).append(" (").append(part.size()).append(")\n\n");
                byCategory(part).forEach(i -> sb.append("- `").append(i.describe()).append("` (").append(i.comparison())
                        .append(")\n"));
            }
        }
        return sb.toString();
    }
}
