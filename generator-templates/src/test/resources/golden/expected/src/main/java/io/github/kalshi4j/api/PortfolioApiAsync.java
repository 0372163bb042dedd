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

import io.github.kalshi4j.api.PortfolioApi.*;

/**
 * Asynchronous endpoints tagged {@code Portfolio} in Kalshi's spec: the
 * {@link CompletableFuture} twins of {@link PortfolioApi}, sharing its parameter classes.
 *
 * <p>Each method performs exactly one HTTP exchange through the {@link KalshiTransport}. Futures complete on a
 * kalshi4j worker thread, never on the HTTP I/O thread.
 */
public final class PortfolioApiAsync {

    private final KalshiTransport transport;

    /** Binds the endpoints to a transport (the kalshi4j client does this for you). */
    public PortfolioApiAsync(KalshiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Amend Order: {@code POST /portfolio/orders/{order_id}/amend} (authenticated), asynchronously.
     * See {@link PortfolioApi#amendOrder(String, AmendOrderRequest, AmendOrderParams, RequestOptions)}.
     *
     * @return a future of the decoded response body, failed with a {@code KalshiException} on error
     */
    @Deprecated
    public CompletableFuture<AmendOrderResponse> amendOrder(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options) {
        return ApiResponse.bodyOf(amendOrderWithResponse(orderId, amendOrderRequest, params, options));
    }

    /** Amend Order, asynchronously, with default options. */
    @Deprecated
    public CompletableFuture<AmendOrderResponse> amendOrder(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params) {
        return amendOrder(orderId, amendOrderRequest, params, RequestOptions.NONE);
    }

    /** Amend Order, asynchronously, with parameters set on a builder. */
    @Deprecated
    public CompletableFuture<AmendOrderResponse> amendOrder(String orderId, AmendOrderRequest amendOrderRequest, Consumer<AmendOrderParams.Builder> params) {
        AmendOrderParams.Builder b = AmendOrderParams.builder();
        params.accept(b);
        return amendOrder(orderId, amendOrderRequest, b.build(), RequestOptions.NONE);
    }

    /** Amend Order, asynchronously, with no query parameters. */
    @Deprecated
    public CompletableFuture<AmendOrderResponse> amendOrder(String orderId, AmendOrderRequest amendOrderRequest) {
        return amendOrder(orderId, amendOrderRequest, AmendOrderParams.builder().build(), RequestOptions.NONE);
    }

    /** Amend Order, asynchronously, with no query parameters and per-call options. */
    @Deprecated
    public CompletableFuture<AmendOrderResponse> amendOrder(String orderId, AmendOrderRequest amendOrderRequest, RequestOptions options) {
        return amendOrder(orderId, amendOrderRequest, AmendOrderParams.builder().build(), options);
    }

    /** Amend Order, asynchronously, with no query parameters, with the raw response. */
    @Deprecated
    public CompletableFuture<ApiResponse<AmendOrderResponse>> amendOrderWithResponse(String orderId, AmendOrderRequest amendOrderRequest, RequestOptions options) {
        return amendOrderWithResponse(orderId, amendOrderRequest, AmendOrderParams.builder().build(), options);
    }

    /** Amend Order, asynchronously, with the raw response. */
    public CompletableFuture<ApiResponse<AmendOrderResponse>> amendOrderWithResponse(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options) {
        // Invalid arguments throw here, before any I/O, exactly as in the blocking form.
        return transport.executeAsync(PortfolioApi.amendOrderRequest(orderId, amendOrderRequest, params, options), AmendOrderResponse.class);
    }

    /**
     * Cancel Order: {@code DELETE /portfolio/orders/{order_id}} (authenticated), asynchronously.
     * See {@link PortfolioApi#cancelOrder(String, RequestOptions)}.
     *
     * @return a future of the decoded response body, failed with a {@code KalshiException} on error
     */
    public CompletableFuture<Void> cancelOrder(String orderId, RequestOptions options) {
        return ApiResponse.bodyOf(cancelOrderWithResponse(orderId, options));
    }

    /** Cancel Order, asynchronously, with default options. */
    public CompletableFuture<Void> cancelOrder(String orderId) {
        return cancelOrder(orderId, RequestOptions.NONE);
    }

    /** Cancel Order, asynchronously, with the raw response. */
    public CompletableFuture<ApiResponse<Void>> cancelOrderWithResponse(String orderId, RequestOptions options) {
        // Invalid arguments throw here, before any I/O, exactly as in the blocking form.
        return transport.executeAsync(PortfolioApi.cancelOrderRequest(orderId, options), Void.class);
    }

    /**
     * Create Order: {@code POST /portfolio/orders} (authenticated), asynchronously.
     * See {@link PortfolioApi#createOrder(CreateOrderRequest, RequestOptions)}.
     *
     * @return a future of the decoded response body, failed with a {@code KalshiException} on error
     */
    public CompletableFuture<CreateOrderResponse> createOrder(CreateOrderRequest createOrderRequest, RequestOptions options) {
        return ApiResponse.bodyOf(createOrderWithResponse(createOrderRequest, options));
    }

    /** Create Order, asynchronously, with default options. */
    public CompletableFuture<CreateOrderResponse> createOrder(CreateOrderRequest createOrderRequest) {
        return createOrder(createOrderRequest, RequestOptions.NONE);
    }

    /** Create Order, asynchronously, with the raw response. */
    public CompletableFuture<ApiResponse<CreateOrderResponse>> createOrderWithResponse(CreateOrderRequest createOrderRequest, RequestOptions options) {
        // Invalid arguments throw here, before any I/O, exactly as in the blocking form.
        return transport.executeAsync(PortfolioApi.createOrderRequest(createOrderRequest, options), CreateOrderResponse.class);
    }
}
