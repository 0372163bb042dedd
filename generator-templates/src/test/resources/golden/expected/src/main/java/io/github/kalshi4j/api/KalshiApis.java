// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiApis.mustache, not this file.
package io.github.kalshi4j.api;

import io.github.kalshi4j.transport.KalshiTransport;

import java.util.Objects;

/**
 * Every blocking endpoint group of the pinned REST spec, one accessor per tag. The kalshi4j client extends
 * this, so a spec bump that adds a tag or an operation needs no hand-written code.
 */
public abstract class KalshiApis {

    private final MarketsApi markets;

    private final PortfolioApi portfolio;


    /** Binds every endpoint group to one transport. */
    protected KalshiApis(KalshiTransport transport) {
        Objects.requireNonNull(transport, "transport");

        this.markets = new MarketsApi(transport);

        this.portfolio = new PortfolioApi(transport);

    }


    /** Endpoints tagged {@code Markets}. */
    public MarketsApi markets() {
        return markets;
    }


    /** Endpoints tagged {@code Portfolio}. */
    public PortfolioApi portfolio() {
        return portfolio;
    }

}
