// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/KalshiAsyncApis.mustache, not this file.
package io.github.kalshi4j.api;

import io.github.kalshi4j.transport.KalshiTransport;

import java.util.Objects;

/**
 * Every asynchronous endpoint group of the pinned REST spec, one accessor per tag. The kalshi4j client extends
 * this, so a spec bump that adds a tag or an operation needs no hand-written code.
 */
public abstract class KalshiAsyncApis {

    private final MarketsApiAsync markets;

    private final PortfolioApiAsync portfolio;


    /** Binds every endpoint group to one transport. */
    protected KalshiAsyncApis(KalshiTransport transport) {
        Objects.requireNonNull(transport, "transport");

        this.markets = new MarketsApiAsync(transport);

        this.portfolio = new PortfolioApiAsync(transport);

    }


    /** Asynchronous endpoints tagged {@code Markets}. */
    public MarketsApiAsync markets() {
        return markets;
    }


    /** Asynchronous endpoints tagged {@code Portfolio}. */
    public PortfolioApiAsync portfolio() {
        return portfolio;
    }

}
