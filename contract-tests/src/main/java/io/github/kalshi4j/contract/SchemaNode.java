package io.github.kalshi4j.contract;

import java.util.List;
import java.util.Map;

/**
 * The parts of a JSON Schema the contract checks read, independent of the parser: swagger-parser's model for
 * OpenAPI, a Jackson tree for AsyncAPI.
 */
interface SchemaNode {

    /** The {@code $ref} text, or null. */
    String ref();

    /** The {@code type}, or null. */
    String type();

    /** The {@code format}, or null. */
    String format();

    /** The {@code enum} values as text; empty when there is no enum. */
    List<String> enumValues();

    /** The {@code const} value as text, or null. */
    String constValue();

    /** The {@code properties} in declaration order; empty when there are none. */
    Map<String, SchemaNode> properties();

    /** The {@code required} names; empty when there are none. */
    List<String> required();

    /** The {@code items} schema, or null. */
    SchemaNode items();

    /** The {@code additionalProperties} schema, or null (also when it is a boolean). */
    SchemaNode additionalPropertiesSchema();

    /** True when {@code additionalProperties: true}. */
    boolean additionalPropertiesTrue();

    /** The {@code allOf} parts; empty when there are none. */
    List<SchemaNode> allOf();

    /** The {@code oneOf} alternatives, then the {@code anyOf} ones; empty when there are none. */
    List<SchemaNode> oneOrAnyOf();
}
