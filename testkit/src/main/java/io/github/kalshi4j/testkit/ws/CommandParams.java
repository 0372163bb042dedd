package io.github.kalshi4j.testkit.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the {@code params} of a WebSocket command; a bad one is a {@link CommandError} with Kalshi's code. */
final class CommandParams {

    private CommandParams() {
    }

    static void requireParams(JsonNode params) throws CommandError {
        if (params == null || !params.isObject()) {
            throw CommandError.of(CommandError.PARAMS_REQUIRED);
        }
    }

    /** {@code update_subscription} names its subscription by {@code sid} or a one-element {@code sids}, not both. */
    static int singleSid(JsonNode params) throws CommandError {
        JsonNode one = params.get("sid");
        JsonNode many = params.get("sids");
        boolean hasOne = one != null && !one.isNull();
        boolean hasMany = many != null && !many.isNull();
        if (hasOne == hasMany) {
            throw CommandError.of(CommandError.EXACTLY_ONE_SID);
        }
        if (hasOne) {
            return sid(one);
        }
        if (!many.isArray() || many.size() != 1) {
            throw CommandError.of(CommandError.EXACTLY_ONE_SID);
        }
        return sid(many.get(0));
    }

    static int sid(JsonNode n) throws CommandError {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
            throw CommandError.of(CommandError.INVALID_PARAMETER);
        }
        return n.intValue();
    }

    static boolean flag(JsonNode params, String name) throws CommandError {
        JsonNode n = params.get(name);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw CommandError.of(CommandError.INVALID_PARAMETER);
        }
        return n.booleanValue();
    }

    /** Kalshi's sharding parameters (meant for {@code communications}), checked in the spec's order of codes. */
    static void checkShards(JsonNode params) throws CommandError {
        Integer factor = optionalInt(params, "shard_factor");
        Integer key = optionalInt(params, "shard_key");
        if (factor != null && factor <= 0) {
            throw CommandError.of(CommandError.SHARD_FACTOR_NOT_POSITIVE);
        }
        if (factor != null && factor > 100) {
            throw CommandError.of(CommandError.SHARD_FACTOR_TOO_LARGE);
        }
        if (key != null && factor == null) {
            throw CommandError.of(CommandError.SHARD_FACTOR_REQUIRED);
        }
        if (key != null && (key < 0 || key >= factor)) {
            throw CommandError.of(CommandError.SHARD_KEY_OUT_OF_RANGE);
        }
    }

    static Integer optionalInt(JsonNode params, String name) throws CommandError {
        JsonNode n = params.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw CommandError.of(CommandError.INVALID_PARAMETER);
        }
        return n.intValue();
    }

    static List<String> strings(JsonNode params, String single, String plural) throws CommandError {
        List<String> result = new ArrayList<>();
        JsonNode one = params.get(single);
        if (one != null && !one.isNull()) {
            result.add(text(one));
        }
        JsonNode many = params.get(plural);
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw CommandError.of(CommandError.INVALID_PARAMETER);
            }
            for (JsonNode n : many) {
                result.add(text(n));
            }
        }
        return result;
    }

    static String text(JsonNode n) throws CommandError {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw CommandError.of(CommandError.INVALID_PARAMETER);
        }
        return n.asText();
    }

    /** The command's id; 0 counts as no id, as the spec says. */
    static Integer commandId(JsonNode root) throws CommandError {
        JsonNode id = root.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
            throw CommandError.of(CommandError.UNABLE_TO_PROCESS);
        }
        return id.intValue() == 0 ? null : id.intValue();
    }

    /** An optional list of ids; when present it must be a non-empty array of strings (the spec's minItems 1). */
    static List<String> optionalStrings(JsonNode params, String name) throws CommandError {
        JsonNode n = params.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.isEmpty()) {
            throw CommandError.of(CommandError.INVALID_PARAMETER);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : n) {
            ids.add(CommandParams.text(item));
        }
        return ids;
    }

    /** The command frame as a JSON object; anything else is Kalshi's "unable to process". */
    static JsonNode parse(ObjectMapper mapper, String text) throws CommandError {
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || !root.isObject()) {
                throw CommandError.of(CommandError.UNABLE_TO_PROCESS);
            }
            return root;
        } catch (IOException e) {
            throw CommandError.of(CommandError.UNABLE_TO_PROCESS);
        }
    }
}
