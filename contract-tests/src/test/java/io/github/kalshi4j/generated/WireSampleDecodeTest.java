package io.github.kalshi4j.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.model.WsMessageTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every real captured body in {@code ../shared/wire-samples} decodes into its generated model with no exception
 * and no lost field: written back, the model carries every value the server sent (unknown ones through
 * {@code additionalProperties()}).
 */
class WireSampleDecodeTest {

    private final ObjectMapper mapper = KalshiJson.newMapper();

    @Test
    void everyRestSample_decodesIntoItsResponseModel_withoutLosingAField() throws IOException {
        Path dir = TestPaths.shared().resolve("wire-samples/rest");
        JsonNode spec = mapper.readTree(TestPaths.root().resolve("generated/target/spec/rest.json").toFile());
        JsonNode manifest = mapper.readTree(TestPaths.shared().resolve("wire-samples/MANIFEST.json").toFile());
        List<String> problems = new ArrayList<>();
        int decoded = 0;
        int errorBodies = 0;
        int gone = 0;
        // Captures of operations a spec bump removed (the legacy order endpoints) have no model in the pin any more:
        // each must be an operation of the spec the captures were taken against, or the capture is a mystery.
        JsonNode original = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                TestPaths.shared().resolve("specs/kalshi-openapi-3.13.0.yaml").toFile());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                JsonNode entry = manifestEntry(manifest, "rest/" + name);
                assertNotNull(entry, "MANIFEST.json has no entry for " + name);
                JsonNode body = mapper.readTree(file.toFile());
                if (name.startsWith("error_")) {
                    // Error bodies are decoded by the client's error mapping; here they must at least be Kalshi-shaped.
                    assertTrue(body.has("code") || body.has("error"), name + " is not a Kalshi error body");
                    errorBodies++;
                    continue;
                }
                String endpoint = entry.get("endpoint").asText();
                if (operationFor(spec, endpoint) == null) {
                    assertNotNull(operationFor(original, endpoint), "no operation in the pinned or the original spec for "
                            + endpoint + " (" + name + ")");
                    gone++;
                    continue;
                }
                Class<?> model = modelFor(spec, endpoint, name);
                try {
                    JsonNode target = body;
                    if (name.contains("-items__")) {
                        for (JsonNode item : body) {
                            checkNoLostFields(name, item, mapper.readTree(mapper.writeValueAsString(mapper.treeToValue(item, model))), problems);
                        }
                    } else {
                        checkNoLostFields(name, target, mapper.readTree(mapper.writeValueAsString(mapper.treeToValue(target, model))), problems);
                    }
                    decoded++;
                } catch (IOException e) {
                    problems.add(name + " -> " + model.getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("wire samples: decoded %d REST bodies into typed models, checked %d error bodies, %d of"
                + " operations gone from the pin%n", decoded, errorBodies, gone);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
        assertEquals(Files.list(dir).count(), decoded + errorBodies + gone, "every file is decoded");
        assertTrue(decoded > gone, "most captures are of operations the pin still has");
    }

    @Test
    void everyWebSocketFrame_decodesIntoItsMessageModel_withoutLosingAField() throws IOException {
        Path dir = TestPaths.shared().resolve("wire-samples/ws");
        Map<String, Class<?>> byType = WsMessageTypes.byType();
        List<String> problems = new ArrayList<>();
        int frames = 0;
        int files = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                files++;
                int line = 0;
                for (String text : Files.readAllLines(file)) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode frame = mapper.readTree(text);
                    Class<?> model = byType.get(frame.path("type").asText());
                    if (model == null) {
                        problems.add(file.getFileName() + ":" + line + " has type " + frame.path("type") + " with no model");
                        continue;
                    }
                    try {
                        Object decoded = mapper.treeToValue(frame, model);
                        checkNoLostFields(file.getFileName() + ":" + line, frame, mapper.readTree(mapper.writeValueAsString(decoded)), problems);
                        frames++;
                    } catch (IOException e) {
                        problems.add(file.getFileName() + ":" + line + " -> " + model.getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        }
        System.out.printf("wire samples: decoded %d WebSocket frames from %d files into typed messages%n", frames, files);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
        assertTrue(frames > 3000, "expected the full captures, decoded " + frames);
    }

    private static JsonNode manifestEntry(JsonNode manifest, String file) {
        for (JsonNode e : manifest) {
            if (e.path("file").asText().equals(file)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The model for a captured body: the 2xx response schema of the operation the manifest names; for bodies
     * stored without their envelope ({@code -object__}, {@code -items__}) the schema of the wrapped value.
     */
    /** The operation of {@code spec} that serves a captured {@code METHOD /path}, or null. */
    private static JsonNode operationFor(JsonNode spec, String endpoint) {
        String[] parts = endpoint.split(" ");
        String method = parts[0].toLowerCase();
        String path = parts[1].split("\\?")[0];
        JsonNode best = null;
        int bestLiterals = -1;
        Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            int literals = matchLiterals(p.getKey(), path);
            if (literals > bestLiterals && p.getValue().has(method)) {
                best = p.getValue().get(method);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static Class<?> modelFor(JsonNode spec, String endpoint, String fileName) {
        JsonNode best = operationFor(spec, endpoint);
        if (best == null) {
            throw new AssertionError("no operation in the spec for " + endpoint + " (" + fileName + ")");
        }
        String schema = null;
        Iterator<Map.Entry<String, JsonNode>> responses = best.path("responses").fields();
        while (responses.hasNext() && schema == null) {
            Map.Entry<String, JsonNode> r = responses.next();
            if (r.getKey().startsWith("2")) {
                String ref = r.getValue().path("content").path("application/json").path("schema").path("$ref").asText();
                schema = ref.substring(ref.lastIndexOf('/') + 1);
            }
        }
        if (fileName.contains("-object__") || fileName.contains("-items__")) {
            JsonNode props = spec.path("components").path("schemas").path(schema).path("properties");
            for (Iterator<JsonNode> values = props.elements(); values.hasNext();) {
                JsonNode prop = values.next();
                String ref = fileName.contains("-items__") ? prop.path("items").path("$ref").asText("") : prop.path("$ref").asText("");
                if (!ref.isEmpty() && (fileName.contains("-items__") == prop.path("type").asText().equals("array"))) {
                    schema = ref.substring(ref.lastIndexOf('/') + 1);
                    break;
                }
            }
        }
        try {
            return Class.forName("io.github.kalshi4j.model." + schema);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no model class for schema " + schema + " (" + fileName + ")");
        }
    }

    /** -1 when the spec path does not match the concrete path; otherwise how many literal segments matched. */
    private static int matchLiterals(String specPath, String path) {
        String[] a = specPath.split("/");
        String[] b = path.split("/");
        if (a.length != b.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < a.length; i++) {
            boolean placeholder = a[i].startsWith("{");
            if (!placeholder && !a[i].equals(b[i])) {
                return -1;
            }
            if (!placeholder) {
                literals++;
            }
        }
        return literals;
    }

    /** Every value in {@code in} is present, and equal in meaning, in {@code out}. */
    static void checkNoLostFields(String where, JsonNode in, JsonNode out, List<String> problems) {
        check(where, "$", in, out, problems);
    }

    private static void check(String where, String path, JsonNode in, JsonNode out, List<String> problems) {
        // null, [], {} and "" carry no value: the models read them as absent (lists as empty).
        if (in.isNull() || (in.isArray() && in.isEmpty()) || (in.isObject() && in.isEmpty())
                || (in.isTextual() && in.asText().isEmpty())) {
            return;
        }
        if (out == null || out.isMissingNode() || out.isNull()) {
            problems.add(where + " lost " + path + " = " + in);
            return;
        }
        if (in.isObject()) {
            in.fields().forEachRemaining(f -> check(where, path + "." + f.getKey(), f.getValue(), out.get(f.getKey()), problems));
        } else if (in.isArray()) {
            if (!out.isArray() || out.size() != in.size()) {
                problems.add(where + " changed " + path + ": " + in + " -> " + out);
                return;
            }
            for (int i = 0; i < in.size(); i++) {
                check(where, path + "[" + i + "]", in.get(i), out.get(i), problems);
            }
        } else if (!sameValue(in, out)) {
            problems.add(where + " changed " + path + ": " + in + " -> " + out);
        }
    }

    private static boolean sameValue(JsonNode in, JsonNode out) {
        if (in.equals(out)) {
            return true;
        }
        if (in.isNumber() && out.isNumber()) {
            return in.decimalValue().compareTo(out.decimalValue()) == 0;
        }
        if (in.isTextual() && out.isTextual()) {
            try {
                return OffsetDateTime.parse(in.asText()).toInstant().equals(OffsetDateTime.parse(out.asText()).toInstant());
            } catch (RuntimeException notATime) {
                // A decimal string must keep its exact text; only differently written times count as equal.
                return false;
            }
        }
        return false;
    }
}
