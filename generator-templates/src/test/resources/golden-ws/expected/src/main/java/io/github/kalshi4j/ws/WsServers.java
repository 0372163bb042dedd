// Generated from spec/materialized/asyncapi.yaml by kalshi4j; edit generator-templates/java/ws/WsServers.mustache, not this file.
package io.github.kalshi4j.ws;

import java.net.URI;
import java.util.List;

/**
 * Kalshi's WebSocket URLs as the pinned AsyncAPI spec's {@code servers} name them ({@code production}, {@code demo}),
 * and the others it lists. The client's defaults come from here: the WebSocket host is not the REST host.
 */
public final class WsServers {

    /** Production: production: Production server. */
    public static final URI PRODUCTION = URI.create("wss://ws.example.invalid/trade-api/ws/v2");

    /** Other production WebSocket servers the spec lists. */
    public static final List<URI> PRODUCTION_ALSO_SUPPORTED = List.of(URI.create("wss://shared.example.invalid/trade-api/ws/v2"));

    /** Demo: demo: Demo server. */
    public static final URI DEMO = URI.create("wss://ws.demo.example.invalid/trade-api/ws/v2");

    /** Other demo WebSocket servers the spec lists. */
    public static final List<URI> DEMO_ALSO_SUPPORTED = List.of();

    private WsServers() {
    }
}
