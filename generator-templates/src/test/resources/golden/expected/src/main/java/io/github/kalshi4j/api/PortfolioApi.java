// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/api.mustache, not this file.
package io.github.kalshi4j.api;

import io.github.kalshi4j.model.*;
import io.github.kalshi4j.transport.ApiRequest;
import io.github.kalshi4j.transport.ApiResponse;
import io.github.kalshi4j.transport.KalshiTransport;
import io.github.kalshi4j.transport.PageIterable;
import io.github.kalshi4j.transport.RequestOptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Blocking endpoints tagged {@code Portfolio} in Kalshi's spec.
 *
 * <p>Each method performs exactly one HTTP exchange through the {@link KalshiTransport}; retries, signing and
 * decoding belong to the transport. Reach it from a client rather than constructing it.
 */
public final class PortfolioApi {

    private final KalshiTransport transport;

    /** Binds the endpoints to a transport (the kalshi4j client does this for you). */
    public PortfolioApi(KalshiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Query parameters of {@code AmendOrder} ({@code POST /portfolio/orders/{order_id}/amend}). Immutable. */
    public static final class AmendOrderParams {
        private final Boolean dryRun;

        private AmendOrderParams(Builder b) {
            this.dryRun = b.dryRun;
        }

        /** A new builder. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these values. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.dryRun = this.dryRun;
            return b;
        }

        /** Query parameter {@code dry_run}. */
        public Boolean dryRun() {
            return dryRun;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof AmendOrderParams)) {
                return false;
            }
            AmendOrderParams other = (AmendOrderParams) o;
            return Objects.equals(dryRun, other.dryRun);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dryRun);
        }

        @Override
        public String toString() {
            return "AmendOrderParams{" + "dryRun=" + dryRun + "}";
        }

        /** Builds {@link AmendOrderParams}. */
        public static final class Builder {
            private Boolean dryRun;

            private Builder() {
            }

            /**
             * Sets {@code dry_run}.
             */
            public Builder dryRun(Boolean value) {
                this.dryRun = value;
                return this;
            }

            /**
             * The parameters.
             *
             * @throws IllegalArgumentException when a required parameter is missing or a value is out of the spec's range
             */
            public AmendOrderParams build() {
                return new AmendOrderParams(this);
            }
        }
    }

    /**
     * Amend Order: {@code POST /portfolio/orders/{order_id}/amend} (authenticated).
     *
     * @param orderId path parameter {@code order_id}
     * @param amendOrderRequest the request body
     * @param params query parameters
     * @param options per-call options (timeout, headers, retries); {@link RequestOptions#NONE} for defaults
     * @return the decoded response body
     */
    @Deprecated
    public AmendOrderResponse amendOrder(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options) {
        return amendOrderWithResponse(orderId, amendOrderRequest, params, options).body();
    }

    /** Amend Order, with default options. See {@link #amendOrder(String, AmendOrderRequest, AmendOrderParams, RequestOptions)}. */
    @Deprecated
    public AmendOrderResponse amendOrder(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params) {
        return amendOrder(orderId, amendOrderRequest, params, RequestOptions.NONE);
    }

    /** Amend Order, with parameters set on a builder. */
    @Deprecated
    public AmendOrderResponse amendOrder(String orderId, AmendOrderRequest amendOrderRequest, Consumer<AmendOrderParams.Builder> params) {
        AmendOrderParams.Builder b = AmendOrderParams.builder();
        params.accept(b);
        return amendOrder(orderId, amendOrderRequest, b.build(), RequestOptions.NONE);
    }

    /** Amend Order, with no query parameters. */
    @Deprecated
    public AmendOrderResponse amendOrder(String orderId, AmendOrderRequest amendOrderRequest) {
        return amendOrder(orderId, amendOrderRequest, AmendOrderParams.builder().build(), RequestOptions.NONE);
    }

    /** Amend Order, with no query parameters and per-call options. */
    @Deprecated
    public AmendOrderResponse amendOrder(String orderId, AmendOrderRequest amendOrderRequest, RequestOptions options) {
        return amendOrder(orderId, amendOrderRequest, AmendOrderParams.builder().build(), options);
    }

    /** Amend Order, with no query parameters, with the raw response: status, headers, request id, attempts and body. */
    @Deprecated
    public ApiResponse<AmendOrderResponse> amendOrderWithResponse(String orderId, AmendOrderRequest amendOrderRequest, RequestOptions options) {
        return amendOrderWithResponse(orderId, amendOrderRequest, AmendOrderParams.builder().build(), options);
    }

    /** Amend Order, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<AmendOrderResponse> amendOrderWithResponse(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options) {
        return transport.execute(amendOrderRequest(orderId, amendOrderRequest, params, options), AmendOrderResponse.class);
    }

    /** The single HTTP exchange of {@code AmendOrder}, shared by the blocking and async forms. */
    static ApiRequest amendOrderRequest(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options) {
        ApiRequest.Builder request = ApiRequest.builder(Operations.AMEND_ORDER);
        request.pathParam("order_id", orderId);
        Objects.requireNonNull(params, "AmendOrder: params must not be null (use AmendOrderParams.builder().build())");
        request.query("dry_run", params.dryRun());
        Objects.requireNonNull(amendOrderRequest, "AmendOrder: the request body must not be null");
        request.body(amendOrderRequest);
        return request.options(options).build();
    }

    /**
     * Cancel Order: {@code DELETE /portfolio/orders/{order_id}} (authenticated).
     *
     * @param orderId path parameter {@code order_id}
     * @param options per-call options (timeout, headers, retries); {@link RequestOptions#NONE} for defaults
     * @return the decoded response body
     */
    public Void cancelOrder(String orderId, RequestOptions options) {
        return cancelOrderWithResponse(orderId, options).body();
    }

    /** Cancel Order, with default options. See {@link #cancelOrder(String, RequestOptions)}. */
    public Void cancelOrder(String orderId) {
        return cancelOrder(orderId, RequestOptions.NONE);
    }

    /** Cancel Order, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<Void> cancelOrderWithResponse(String orderId, RequestOptions options) {
        return transport.execute(cancelOrderRequest(orderId, options), Void.class);
    }

    /** The single HTTP exchange of {@code CancelOrder}, shared by the blocking and async forms. */
    static ApiRequest cancelOrderRequest(String orderId, RequestOptions options) {
        ApiRequest.Builder request = ApiRequest.builder(Operations.CANCEL_ORDER);
        request.pathParam("order_id", orderId);
        return request.options(options).build();
    }

    /**
     * Create Order: {@code POST /portfolio/orders} (authenticated).
     *
     * @param createOrderRequest the request body
     * @param options per-call options (timeout, headers, retries); {@link RequestOptions#NONE} for defaults
     * @return the decoded response body
     */
    public CreateOrderResponse createOrder(CreateOrderRequest createOrderRequest, RequestOptions options) {
        return createOrderWithResponse(createOrderRequest, options).body();
    }

    /** Create Order, with default options. See {@link #createOrder(CreateOrderRequest, RequestOptions)}. */
    public CreateOrderResponse createOrder(CreateOrderRequest createOrderRequest) {
        return createOrder(createOrderRequest, RequestOptions.NONE);
    }

    /** Create Order, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<CreateOrderResponse> createOrderWithResponse(CreateOrderRequest createOrderRequest, RequestOptions options) {
        return transport.execute(createOrderRequest(createOrderRequest, options), CreateOrderResponse.class);
    }

    /** The single HTTP exchange of {@code CreateOrder}, shared by the blocking and async forms. */
    static ApiRequest createOrderRequest(CreateOrderRequest createOrderRequest, RequestOptions options) {
        ApiRequest.Builder request = ApiRequest.builder(Operations.CREATE_ORDER);
        Objects.requireNonNull(createOrderRequest, "CreateOrder: the request body must not be null");
        request.body(createOrderRequest);
        return request.options(options).build();
    }
}
