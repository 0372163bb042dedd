// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/RestServers.mustache, not this file.
package io.github.kalshi4j.transport;

import java.net.URI;
import java.util.List;

/**
 * Kalshi's REST base URLs as the pinned OpenAPI spec's {@code servers} list them: the recommended production and
 * demo servers, and the ones Kalshi also supports. The client's defaults come from here.
 */
public final class RestServers {

    /** Production: Production server. */
    public static final URI PRODUCTION = URI.create("https://example.invalid/trade-api/v2");

    /** Production servers Kalshi also supports. */
    public static final List<URI> PRODUCTION_ALSO_SUPPORTED = List.of(URI.create("https://shared.example.invalid/trade-api/v2"));

    /** Demo: Demo server. */
    public static final URI DEMO = URI.create("https://demo.example.invalid/trade-api/v2");

    /** Demo servers Kalshi also supports. */
    public static final List<URI> DEMO_ALSO_SUPPORTED = List.of();

    private RestServers() {
    }
}
