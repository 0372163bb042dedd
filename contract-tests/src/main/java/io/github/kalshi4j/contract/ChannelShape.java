package io.github.kalshi4j.contract;

import java.util.Set;

/**
 * One WebSocket channel.
 *
 * @param name the channel name (what a subscribe command names)
 * @param messageKeys the spec's message keys it carries; empty on the compiled side
 * @param payloadClasses the Java classes of the JSON messages it carries (demanded by a spec, or registered by
 *     the SDK)
 */
public record ChannelShape(String name, Set<String> messageKeys, Set<String> payloadClasses) {

    /** Freezes the sets. */
    public ChannelShape {
        messageKeys = Set.copyOf(messageKeys);
        payloadClasses = Set.copyOf(payloadClasses);
    }
}
