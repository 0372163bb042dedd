package io.github.kalshi4j.ws;

import java.util.Objects;

/**
 * One subscription as the server lists it in reply to {@code list_subscriptions}.
 *
 * @param channel the channel name as the server spelled it, e.g. {@code "ticker"}
 * @param sid the server's subscription id on the current connection
 */
public record ServerSubscription(String channel, long sid) {

    /**
     * Creates the record.
     *
     * @param channel the channel name, not null
     * @param sid the subscription id
     */
    public ServerSubscription {
        Objects.requireNonNull(channel, "channel");
    }
}
