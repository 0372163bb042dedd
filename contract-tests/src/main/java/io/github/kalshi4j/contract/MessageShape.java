package io.github.kalshi4j.contract;

/**
 * One WebSocket message.
 *
 * @param key the spec's {@code components.messages} key; null on the compiled side
 * @param name the message name
 * @param payload the payload schema name (spec) or null (compiled side)
 * @param payloadClass the Java class of the payload (demanded by a spec, or the SDK's)
 * @param json whether the payload is JSON (ping/pong control frames are not)
 * @param typeConstant the constant envelope {@code type} ({@code "ticker"}), or null when the payload has none
 */
public record MessageShape(String key, String name, String payload, String payloadClass, boolean json,
        String typeConstant) {

    /** How the SDK identifies a message: its name and payload class ({@code list_subscriptions} has two). */
    public String sdkKey() {
        return name + " (" + payloadClass + ")";
    }
}
