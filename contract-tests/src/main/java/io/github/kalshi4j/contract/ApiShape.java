package io.github.kalshi4j.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything a comparison looks at, read from an OpenAPI document, an AsyncAPI document or the compiled SDK.
 *
 * @param label what this is, for reports: {@code openapi 3.13.0 (effective)}, {@code compiled SDK}
 * @param version the document's {@code info.version}; null for the compiled SDK
 * @param operations REST operations by operationId
 * @param schemas named schemas by spec name, or by Java class name on the compiled side
 * @param requestSchemas names of schemas reachable from a request body (a newly required field there breaks callers)
 * @param channels WebSocket channels by name
 * @param messages WebSocket messages by spec key, or by {@link MessageShape#sdkKey()} on the compiled side
 */
public record ApiShape(String label, String version, Map<String, OperationShape> operations,
        Map<String, SchemaShape> schemas, Set<String> requestSchemas, Map<String, ChannelShape> channels,
        Map<String, MessageShape> messages) {

    /** Freezes the collections (keeping their order). */
    public ApiShape {
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        requestSchemas = Set.copyOf(requestSchemas);
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /**
     * A view of this shape with one property removed from one schema: what the differ would see if a generated
     * model lost a field (or a spec dropped it).
     *
     * @throws IllegalArgumentException when the schema or property does not exist
     */
    public ApiShape withoutProperty(String schema, String property) {
        SchemaShape s = schemas.get(schema);
        if (s == null || !s.properties().containsKey(property)) {
            throw new IllegalArgumentException(label + " has no property " + schema + "." + property);
        }
        Map<String, SchemaShape> copy = new LinkedHashMap<>(schemas);
        copy.put(schema, s.withoutProperty(property));
        return new ApiShape(label, version, operations, copy, requestSchemas, channels, messages);
    }
}
