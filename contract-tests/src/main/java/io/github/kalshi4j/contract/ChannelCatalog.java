package io.github.kalshi4j.contract;

import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.model.WsMessageTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the SDK says which WebSocket channels a client can subscribe to, and which payload classes each delivers.
 *
 * <p>The check reads {@link #subscribable()}: the channel catalogue {@link Channel} that the overlay's build generates
 * from the pinned AsyncAPI document (its known channels, what a user passes to {@code SubscribeRequest}). Drift then
 * compares the spec with the generated code: a channel or message type the build failed to carry into the
 * catalogue, or one a stale build still has, shows as drift.
 */
@FunctionalInterface
public interface ChannelCatalog {

    /** Channel name to the payload classes the SDK delivers on it. */
    Map<String, List<Class<?>>> channels();

    /**
     * The known channels of the generated {@link Channel} catalogue by wire name, each with the generated model of every
     * envelope type the catalogue says it carries ({@link WsMessageTypes#byType()}). A type without a model is listed as {@link NoModel},
     * so the channel comparison reports it ({@code ~ channel x: NoModel -> }) rather than dropping it.
     */
    static ChannelCatalog subscribable() {
        return () -> catalogue(Channel.known(), Channel::wire, Channel::messageTypes, WsMessageTypes.channels());
    }

    /**
     * The perps (margin) API's {@link #subscribable()}: the known channels of the generated
     * {@link io.github.kalshi4j.perps.ws.Channel} catalogue (overlay, perps-ws-surface), each with the generated model of
     * every envelope type it carries ({@link io.github.kalshi4j.perps.ws.model.WsMessageTypes#channels()}).
     */
    static ChannelCatalog perpsSubscribable() {
        return () -> catalogue(io.github.kalshi4j.perps.ws.Channel.known(), io.github.kalshi4j.perps.ws.Channel::wire,
                io.github.kalshi4j.perps.ws.Channel::messageTypes,
                io.github.kalshi4j.perps.ws.model.WsMessageTypes.channels());
    }

    private static <C> Map<String, List<Class<?>>> catalogue(List<C> known, Function<C, String> wire,
            Function<C, List<String>> types, Map<String, List<Class<?>>> registry) {
        Map<String, List<Class<?>>> out = new LinkedHashMap<>();
        for (C c : known) {
            List<Class<?>> classes = new ArrayList<>();
            for (String type : types.apply(c)) {
                // Several messages may share an envelope type (market_lifecycle_v2 carries two): each has a model.
                List<Class<?>> models = modelsOfType(registry, wire.apply(c), type);
                if (models.isEmpty()) {
                    classes.add(NoModel.class);
                }
                classes.addAll(models);
            }
            out.put(wire.apply(c), classes);
        }
        return out;
    }

    /** The generated models on {@code channel} whose constant envelope type is {@code type}. */
    private static List<Class<?>> modelsOfType(Map<String, List<Class<?>>> registry, String channel, String type) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> model : registry.getOrDefault(channel, List.of())) {
            try {
                if (type.equals(model.getField("TYPE").get(null))) {
                    out.add(model);
                }
            } catch (ReflectiveOperationException e) {
                // A model without a constant type is not a data message of the channel.
            }
        }
        return out;
    }

    /** The generated registry {@link WsMessageTypes#channels()} (what the spec says, not what users can subscribe to). */
    static ChannelCatalog wsMessageTypes() {
        return WsMessageTypes::channels;
    }

    /** Stands for an envelope type that {@link Channel} names and no generated model carries. */
    final class NoModel {
        private NoModel() {
        }
    }
}
