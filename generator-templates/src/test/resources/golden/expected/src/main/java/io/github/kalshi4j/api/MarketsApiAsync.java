// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/apiAsync.mustache, not this file.
package io.github.kalshi4j.api;

import io.github.kalshi4j.model.*;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.KalshiTransport;
import io.github.kalshi4j.transport.RequestOptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.kalshi4j.api.MarketsApi.*;

/**
 * Asynchronous endpoints tagged {@code Markets} in Kalshi's spec: the
 * {@link CompletableFuture} twins of {@link MarketsApi}, sharing its parameter classes.
 *
 * <p>Each method performs exactly one HTTP exchange through the {@link KalshiTransport}. Futures complete on a
 * kalshi4j worker thread, never on the HTTP I/O thread.
 */
public final class MarketsApiAsync {

    private final KalshiTransport transport;

    /** Binds the endpoints to a transport (the kalshi4j client does this for you). */
    public MarketsApiAsync(KalshiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Get Market Orderbook: {@code GET /markets/{ticker}/orderbook}, asynchronously.
     * See {@link MarketsApi#getMarketOrderbook(String, GetMarketOrderbookParams, RequestOptions)}.
     *
     * @return a future of the decoded response body, failed with a {@code KalshiException} on error
     */
    public CompletableFuture<GetMarketOrderbookResponse> getMarketOrderbook(String ticker, GetMarketOrderbookParams params, RequestOptions options) {
        return ApiResponse.bodyOf(getMarketOrderbookWithResponse(ticker, params, options));
    }

    /** Get Market Orderbook, asynchronously, with default options. */
    public CompletableFuture<GetMarketOrderbookResponse> getMarketOrderbook(String ticker, GetMarketOrderbookParams params) {
        return getMarketOrderbook(ticker, params, RequestOptions.NONE);
    }

    /** Get Market Orderbook, asynchronously, with parameters set on a builder. */
    public CompletableFuture<GetMarketOrderbookResponse> getMarketOrderbook(String ticker, Consumer<GetMarketOrderbookParams.Builder> params) {
        GetMarketOrderbookParams.Builder b = GetMarketOrderbookParams.builder();
        params.accept(b);
        return getMarketOrderbook(ticker, b.build(), RequestOptions.NONE);
    }

    /** Get Market Orderbook, asynchronously, with the raw response. */
    public CompletableFuture<ApiResponse<GetMarketOrderbookResponse>> getMarketOrderbookWithResponse(String ticker, GetMarketOrderbookParams params, RequestOptions options) {
        // Invalid arguments throw here, before any I/O, exactly as in the blocking form.
        return transport.executeAsync(MarketsApi.getMarketOrderbookRequest(ticker, params, options), GetMarketOrderbookResponse.class);
    }

    /**
     * Get Markets: {@code GET /markets}, asynchronously.
     * See {@link MarketsApi#getMarkets(GetMarketsParams, RequestOptions)}.
     *
     * @return a future of the decoded response body, failed with a {@code KalshiException} on error
     */
    public CompletableFuture<GetMarketsResponse> getMarkets(GetMarketsParams params, RequestOptions options) {
        return ApiResponse.bodyOf(getMarketsWithResponse(params, options));
    }

    /** Get Markets, asynchronously, with default options. */
    public CompletableFuture<GetMarketsResponse> getMarkets(GetMarketsParams params) {
        return getMarkets(params, RequestOptions.NONE);
    }

    /** Get Markets, asynchronously, with parameters set on a builder. */
    public CompletableFuture<GetMarketsResponse> getMarkets(Consumer<GetMarketsParams.Builder> params) {
        GetMarketsParams.Builder b = GetMarketsParams.builder();
        params.accept(b);
        return getMarkets(b.build(), RequestOptions.NONE);
    }

    /** Get Markets, asynchronously, with no query parameters. */
    public CompletableFuture<GetMarketsResponse> getMarkets() {
        return getMarkets(GetMarketsParams.builder().build(), RequestOptions.NONE);
    }

    /** Get Markets, asynchronously, with no query parameters and per-call options. */
    public CompletableFuture<GetMarketsResponse> getMarkets(RequestOptions options) {
        return getMarkets(GetMarketsParams.builder().build(), options);
    }

    /** Get Markets, asynchronously, with no query parameters, with the raw response. */
    public CompletableFuture<ApiResponse<GetMarketsResponse>> getMarketsWithResponse(RequestOptions options) {
        return getMarketsWithResponse(GetMarketsParams.builder().build(), options);
    }

    /** Get Markets, asynchronously, with the raw response. */
    public CompletableFuture<ApiResponse<GetMarketsResponse>> getMarketsWithResponse(GetMarketsParams params, RequestOptions options) {
        // Invalid arguments throw here, before any I/O, exactly as in the blocking form.
        return transport.executeAsync(MarketsApi.getMarketsRequest(params, options), GetMarketsResponse.class);
    }
}
