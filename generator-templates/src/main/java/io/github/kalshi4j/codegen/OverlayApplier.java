package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies an OpenAPI Overlay 1.0 document to a spec tree.
 *
 * <p>Targets are JSONPath expressions in the subset overlays need for spec corrections:
 * {@code $}, {@code .name}, {@code ['name']}, {@code ["name"]}, {@code [n]}, {@code .*}, {@code [*]} and the
 * equality filter {@code [?@.name=='value']} (RFC 9535; the older {@code [?(@.name == 'value')]} form too). The filter
 * is what makes a correction of an inline operation parameter robust: parameters sit in lists, and an index would
 * silently point at another parameter once Kalshi reorders them.
 * {@code update} merges recursively (objects merged, arrays appended, scalars replaced) and
 * {@code remove: true} deletes the target, as the Overlay specification says. A target that matches
 * nothing is an error: a correction that silently stops applying after a spec bump would hide drift. So is an
 * action whose {@code x-kalshi4j-defect} guard no longer holds ({@link #checkDefect}): the defect it corrects is
 * gone although its target is still there.
 */
public final class OverlayApplier {

    private OverlayApplier() { }

    /** Applies every action of {@code overlay} to {@code spec}, in order. */
    public static void apply(JsonNode overlay, ObjectNode spec, String overlayName) {
        if (!overlay.path("overlay").asText().startsWith("1.")) {
            throw new SpecException(overlayName + ": not an OpenAPI Overlay 1.x document (missing 'overlay: 1.0.0')");
        }
        JsonNode actions = overlay.path("actions");
        if (!actions.isArray()) {
            throw new SpecException(overlayName + ": 'actions' must be a list");
        }
        int index = 0;
        for (JsonNode action : actions) {
            String target = action.path("target").asText(null);
            if (target == null) {
                throw new SpecException(overlayName + ": action " + index + " has no target");
            }
            checkDefect(spec, action, overlayName, index);
            List<Match> matches = select(spec, target);
            if (matches.isEmpty()) {
                throw new SpecException(overlayName + ": action " + index + describe(action) + " target " + target
                        + " matches nothing in the spec; the correction no longer applies (was it fixed upstream?"
                        + " then drop the correction)");
            }
            boolean remove = action.path("remove").asBoolean(false);
            JsonNode update = action.get("update");
            // Matches come in document order; removing array elements back to front keeps the remaining
            // indices valid when a wildcard selects several elements of one array.
            if (remove) {
                java.util.Collections.reverse(matches);
            }
            for (Match m : matches) {
                if (remove) {
                    m.remove();
                } else if (update != null) {
                    m.merge(update);
                }
            }
            index++;
        }
    }

    /**
     * Checks an action's {@code x-kalshi4j-defect} guards (one, or a list) before applying it. A correction's target
     * is often broader than what it corrects ({@code $.components.schemas} to add a schema, a {@code required} list
     * that also survives the fix), so "the target still exists" cannot tell that Kalshi fixed the defect. A guard
     * names the defective thing itself: {@code target} (a JSONPath) must match, and its value must {@code equal} a
     * value, {@code contain} one (a list), or, with {@code absent: true}, the target must match nothing. A guard that
     * fails means the published spec no longer has the defect: applying the correction would hide upstream's fix.
     */
    private static void checkDefect(JsonNode spec, JsonNode action, String overlayName, int index) {
        JsonNode guards = action.get("x-kalshi4j-defect");
        if (guards == null) {
            return;
        }
        for (JsonNode g : guards.isArray() ? guards : List.of(guards)) {
            String target = g.path("target").asText(null);
            if (target == null) {
                throw new SpecException(overlayName + ": action " + index + ": x-kalshi4j-defect needs a target");
            }
            List<Match> found = select(spec, target);
            String problem = null;
            if (g.path("absent").asBoolean(false)) {
                if (!found.isEmpty()) {
                    problem = target + " now exists";
                }
            } else if (found.isEmpty()) {
                problem = target + " is gone";
            } else if (g.has("equals")) {
                for (Match m : found) {
                    if (!m.node().equals(g.get("equals"))) {
                        problem = target + " is " + m.node() + ", no longer " + g.get("equals");
                    }
                }
            } else if (g.has("contains")) {
                for (Match m : found) {
                    boolean contains = false;
                    for (JsonNode x : m.node()) {
                        contains |= x.equals(g.get("contains"));
                    }
                    if (!contains) {
                        problem = target + " no longer contains " + g.get("contains");
                    }
                }
            }
            if (problem != null) {
                throw new SpecException(overlayName + ": action " + index + describe(action) + " corrects a defect the"
                        + " spec no longer has (" + problem + "): upstream fixed it: drop the correction, and the"
                        + " exclusions.yaml entry that explains it");
            }
        }
    }

    private static String describe(JsonNode action) {
        String d = action.path("description").asText("");
        return d.isEmpty() ? "" : " (\"" + d + "\")";
    }

    /** A selected node with a handle on its parent, so it can be removed or replaced. */
    private record Match(JsonNode parent, String field, int index, JsonNode node) {
        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(field);
            } else if (parent instanceof ArrayNode a) {
                a.remove(index);
            } else {
                throw new SpecException("cannot remove the document root");
            }
        }

        void merge(JsonNode update) {
            if (node instanceof ObjectNode o && update.isObject()) {
                mergeInto(o, update);
            } else if (node instanceof ArrayNode a) {
                if (update.isArray()) {
                    update.forEach(x -> a.add(x.deepCopy()));
                } else {
                    a.add(update.deepCopy());
                }
            } else if (parent instanceof ObjectNode p) {
                p.set(field, update.deepCopy());
            } else if (parent instanceof ArrayNode p) {
                p.set(index, update.deepCopy());
            }
        }
    }

    private static void mergeInto(ObjectNode target, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> it = update.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue().isObject()) {
                mergeInto(eo, e.getValue());
            } else if (existing instanceof ArrayNode ea && e.getValue().isArray()) {
                e.getValue().forEach(x -> ea.add(x.deepCopy()));
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static List<Match> select(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new SpecException("JSONPath must start with $: " + path);
        }
        List<Match> current = new ArrayList<>(List.of(new Match(null, null, -1, root)));
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            String key;
            boolean wildcard = false;
            Integer arrayIndex = null;
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                key = path.substring(i + 1, end);
                wildcard = key.equals("*");
                i = end;
            } else if (c == '[') {
                int close;
                if (path.charAt(i + 1) == '?') {
                    close = filterEnd(path, i);
                    Filter filter = Filter.parse(path.substring(i + 2, close).trim(), path);
                    List<Match> next = new ArrayList<>();
                    for (Match m : current) {
                        JsonNode n = m.node();
                        if (n.isArray()) {
                            for (int k = 0; k < n.size(); k++) {
                                if (filter.test(n.get(k))) {
                                    next.add(new Match(n, null, k, n.get(k)));
                                }
                            }
                        } else if (n.isObject()) {
                            n.fieldNames().forEachRemaining(f -> {
                                if (filter.test(n.get(f))) {
                                    next.add(new Match(n, f, -1, n.get(f)));
                                }
                            });
                        }
                    }
                    current = next;
                    i = close + 1;
                    continue;
                }
                if (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"') {
                    char q = path.charAt(i + 1);
                    int endQuote = path.indexOf(q, i + 2);
                    if (endQuote < 0) {
                        throw new SpecException("unterminated quote in JSONPath " + path);
                    }
                    key = path.substring(i + 2, endQuote);
                    close = path.indexOf(']', endQuote);
                } else {
                    close = path.indexOf(']', i);
                    String inner = path.substring(i + 1, close).trim();
                    if (inner.equals("*")) {
                        wildcard = true;
                        key = "*";
                    } else {
                        try {
                            arrayIndex = Integer.parseInt(inner);
                        } catch (NumberFormatException nfe) {
                            throw new SpecException("unsupported JSONPath segment [" + inner + "] in " + path);
                        }
                        key = inner;
                    }
                }
                i = close + 1;
            } else {
                throw new SpecException("unsupported JSONPath syntax at position " + i + " of " + path);
            }
            List<Match> next = new ArrayList<>();
            for (Match m : current) {
                JsonNode n = m.node();
                if (wildcard) {
                    if (n.isObject()) {
                        n.fieldNames().forEachRemaining(f -> next.add(new Match(n, f, -1, n.get(f))));
                    } else if (n.isArray()) {
                        for (int k = 0; k < n.size(); k++) {
                            next.add(new Match(n, null, k, n.get(k)));
                        }
                    }
                } else if (arrayIndex != null && n.isArray()) {
                    if (arrayIndex < n.size()) {
                        next.add(new Match(n, null, arrayIndex, n.get(arrayIndex)));
                    }
                } else if (n.isObject() && n.has(key)) {
                    next.add(new Match(n, key, -1, n.get(key)));
                }
            }
            current = next;
        }
        return current;
    }

    /** The index of the {@code ]} closing the filter opened at {@code open}, skipping quoted text. */
    private static int filterEnd(String path, int open) {
        char quote = 0;
        for (int k = open + 2; k < path.length(); k++) {
            char c = path.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return k;
            }
        }
        throw new SpecException("unterminated filter in JSONPath " + path);
    }

    /** {@code @.a.b == literal}: a member path of the candidate compared with a string, number or boolean. */
    private record Filter(List<String> member, JsonNode literal) {
        static Filter parse(String text, String path) {
            String t = text;
            if (t.startsWith("(") && t.endsWith(")")) {
                t = t.substring(1, t.length() - 1).trim();
            }
            int eq = t.indexOf("==");
            if (!t.startsWith("@.") || eq < 0) {
                throw new SpecException("unsupported JSONPath filter [?" + text + "] in " + path
                        + " (only @.member == literal is supported)");
            }
            List<String> member = List.of(t.substring(2, eq).trim().split("\\."));
            String lit = t.substring(eq + 2).trim();
            JsonNode literal;
            if (lit.length() >= 2 && (lit.charAt(0) == '\'' || lit.charAt(0) == '"') && lit.charAt(lit.length() - 1) == lit.charAt(0)) {
                literal = com.fasterxml.jackson.databind.node.TextNode.valueOf(lit.substring(1, lit.length() - 1));
            } else if (lit.equals("true") || lit.equals("false")) {
                literal = com.fasterxml.jackson.databind.node.BooleanNode.valueOf(Boolean.parseBoolean(lit));
            } else {
                try {
                    literal = com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal(lit));
                } catch (NumberFormatException e) {
                    throw new SpecException("unsupported literal " + lit + " in JSONPath filter of " + path);
                }
            }
            return new Filter(member, literal);
        }

        boolean test(JsonNode candidate) {
            JsonNode n = candidate;
            for (String m : member) {
                n = n.path(m);
            }
            if (literal.isNumber()) {
                return n.isNumber() && n.decimalValue().compareTo(literal.decimalValue()) == 0;
            }
            return !n.isMissingNode() && n.getNodeType() == literal.getNodeType() && n.asText().equals(literal.asText());
        }
    }
}
