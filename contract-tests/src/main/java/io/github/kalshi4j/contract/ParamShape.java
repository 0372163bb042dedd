package io.github.kalshi4j.contract;

/**
 * One path or query parameter of an operation.
 *
 * @param name the wire name
 * @param in {@code path} or {@code query} (or {@code header})
 * @param specType the type in spec notation; null when read from the compiled SDK
 * @param javaType the Java type
 * @param required whether a value is mandatory
 * @param explode for arrays: repeated {@code name=a&name=b} (true) or comma-joined {@code name=a,b} (false); null
 *     for scalars
 */
public record ParamShape(String name, String in, TypeRef specType, TypeRef javaType, boolean required,
        Boolean explode) {

    /** The key parameters are compared by: {@code query.status}, {@code path.ticker}. */
    public String key() {
        return in + "." + name;
    }
}
