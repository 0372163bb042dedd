package io.github.kalshi4j.it.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a JSON document, as a hostile or broken peer would send them: fields dropped or duplicated,
 * values of the wrong type, numbers far outside any price or count (as JSON numbers and as the fixed-point strings
 * Kalshi uses), deep nesting, truncation, odd unicode and nulls. The same seed and input give the same output.
 */
public final class JsonMutator {

    /** What one mutation does. */
    public enum Kind {
        DROP_FIELD, DUPLICATE_FIELD, TYPE_SWAP, HUGE_NUMBER, DEEP_NESTING, TRUNCATE, UNICODE, NULL_ONE, NULL_EVERYWHERE
    }

    /** A mutated document and how it was made. */
    public record Mutant(Kind kind, String text) { }

    // Numbers as raw JSON and as fixed-point strings: exponents that make BigDecimal arithmetic hang or throw,
    // precision far beyond a price, the long limits and beyond.
    private static final String[] HOSTILE_NUMBERS = {
        "1E+30000000", "1e-999999999", "1E+2147483647", "-1E+2147483647", "1E-2147483648", "9E+999999999",
        "99999999999999999999999999999999999999", "-0", "0.1234567890123456789012345678901234567890123456789",
        "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "4.9E-325"
    };
    private static final String[] HOSTILE_STRINGS = {
        "NaN", "Infinity", "-Infinity", "", " ", "0x10", "1,5", "٣", "1E+30000000", "null", "true",
        "\u0000", "\uFEFF0.50", "\u202E0.56", "𝟘.𝟝𝟞", "\uD83D\uDE00", "é".repeat(10_000), "\\u0000"
    };
    private static final String PLACEHOLDER = "\u0001kalshi4j-fuzz-";

    private final ObjectMapper mapper;
    private final SplittableRandom random;

    public JsonMutator(ObjectMapper mapper, long seed) {
        this.mapper = mapper;
        this.random = new SplittableRandom(seed);
    }

    /** One mutation of {@code original} (a JSON text), of a kind chosen by the seed. */
    public Mutant mutate(String original) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return new Mutant(kind, mutate(original, kind));
    }

    /** One mutation of the given kind. */
    public String mutate(String original, Kind kind) {
        if (kind == Kind.TRUNCATE) {
            return original.isEmpty() ? original : original.substring(0, random.nextInt(original.length()));
        }
        JsonNode root;
        try {
            root = mapper.readTree(original);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a wire sample is not JSON", e);
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return original.substring(0, original.length() / 2);
        }
        List<String[]> raw = new ArrayList<>();
        switch (kind) {
            case DROP_FIELD -> {
                Slot s = pickField(slots);
                if (s != null) {
                    ((ObjectNode) s.parent).remove(s.key);
                }
            }
            case DUPLICATE_FIELD -> {
                Slot s = pickField(slots);
                if (s != null) {
                    // A second member of the same name, written through a placeholder key (a tree holds one).
                    String marker = PLACEHOLDER + raw.size();
                    ObjectNode parent = (ObjectNode) s.parent;
                    JsonNode value = parent.get(s.key);
                    parent.set(marker, random.nextBoolean() ? value.deepCopy() : swapped(value));
                    raw.add(new String[] {quoted(marker), quoted(s.key)});
                }
            }
            case TYPE_SWAP -> {
                Slot s = pick(slots);
                s.set(swapped(s.get()));
            }
            case HUGE_NUMBER -> {
                Slot s = pick(slots);
                String n = HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)];
                if (random.nextBoolean() || s.get().isTextual()) {
                    s.set(JsonNodeFactory.instance.textNode(n));
                } else {
                    String marker = PLACEHOLDER + raw.size();
                    s.set(JsonNodeFactory.instance.textNode(marker));
                    raw.add(new String[] {quoted(marker), n});
                }
            }
            case DEEP_NESTING -> {
                Slot s = pick(slots);
                String marker = PLACEHOLDER + raw.size();
                s.set(JsonNodeFactory.instance.textNode(marker));
                int depth = 200 + random.nextInt(5_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                raw.add(new String[] {quoted(marker), open.repeat(depth) + "1" + close.repeat(depth)});
            }
            case UNICODE -> {
                Slot s = pickText(slots);
                s.set(JsonNodeFactory.instance.textNode(HOSTILE_STRINGS[random.nextInt(HOSTILE_STRINGS.length)]));
            }
            case NULL_ONE -> pick(slots).set(JsonNodeFactory.instance.nullNode());
            case NULL_EVERYWHERE -> {
                for (Slot s : slots) {
                    if (s.get().isValueNode()) {
                        s.set(JsonNodeFactory.instance.nullNode());
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        String text;
        try {
            text = mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String[] r : raw) {
            text = text.replace(r[0], r[1]);
        }
        return text;
    }

    private JsonNode swapped(JsonNode value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int choice = random.nextInt(6);
        if (value.isNumber() || value.isTextual()) {
            return switch (choice) {
                case 0 -> f.booleanNode(true);
                case 1 -> f.objectNode().put("value", value.asText());
                case 2 -> f.arrayNode().add(value.deepCopy());
                case 3 -> value.isNumber() ? f.textNode(value.asText()) : f.numberNode(random.nextLong());
                case 4 -> f.numberNode(random.nextDouble() * 1e6);
                default -> f.textNode("not-" + value.asText());
            };
        }
        if (value.isContainerNode()) {
            return switch (choice) {
                case 0 -> f.textNode(value.toString());
                case 1 -> f.numberNode(42);
                case 2 -> value.isArray() ? f.objectNode().set("0", value.deepCopy()) : f.arrayNode().add(value.deepCopy());
                default -> f.booleanNode(false);
            };
        }
        return choice % 2 == 0 ? f.objectNode() : f.numberNode(0.5);
    }

    private Slot pick(List<Slot> slots) {
        return slots.get(random.nextInt(slots.size()));
    }

    private Slot pickField(List<Slot> slots) {
        List<Slot> fields = slots.stream().filter(s -> s.key != null).toList();
        return fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
    }

    private Slot pickText(List<Slot> slots) {
        List<Slot> texts = slots.stream().filter(s -> s.get().isTextual()).toList();
        return texts.isEmpty() ? pick(slots) : texts.get(random.nextInt(texts.size()));
    }

    private static String quoted(String s) {
        // The placeholder's control character is escaped by the writer.
        return "\"" + s.replace("\u0001", "\\u0001") + "\"";
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Slot(node, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String key, int index) {
        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
