package io.github.kalshi4j.contract;

/**
 * One property of an object schema, by wire name.
 *
 * @param name the JSON property name
 * @param specType the type in spec notation; null when read from the compiled SDK
 * @param javaType the Java type (demanded by a spec, or exposed by the SDK)
 */
public record PropertyShape(String name, TypeRef specType, TypeRef javaType) {
}
