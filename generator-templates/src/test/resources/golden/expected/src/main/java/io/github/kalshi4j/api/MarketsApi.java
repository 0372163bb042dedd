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
 * Blocking endpoints tagged {@code Markets} in Kalshi's spec.
 *
 * <p>Each method performs exactly one HTTP exchange through the {@link KalshiTransport}; retries, signing and
 * decoding belong to the transport. Reach it from a client rather than constructing it.
 */
public final class MarketsApi {

    private final KalshiTransport transport;

    /** Binds the endpoints to a transport (the kalshi4j client does this for you). */
    public MarketsApi(KalshiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Query parameters of {@code GetMarketOrderbook} ({@code GET /markets/{ticker}/orderbook}). Immutable. */
    public static final class GetMarketOrderbookParams {
        private final Integer depth;

        private GetMarketOrderbookParams(Builder b) {
            this.depth = b.depth;
        }

        /** A new builder. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these values. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.depth = this.depth;
            return b;
        }

        /** Price levels per side. */
        public Integer depth() {
            return depth;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof GetMarketOrderbookParams)) {
                return false;
            }
            GetMarketOrderbookParams other = (GetMarketOrderbookParams) o;
            return Objects.equals(depth, other.depth);
        }

        @Override
        public int hashCode() {
            return Objects.hash(depth);
        }

        @Override
        public String toString() {
            return "GetMarketOrderbookParams{" + "depth=" + depth + "}";
        }

        /** Builds {@link GetMarketOrderbookParams}. */
        public static final class Builder {
            private Integer depth;

            private Builder() {
            }

            /**
             * Price levels per side.
             */
            public Builder depth(Integer value) {
                this.depth = value;
                return this;
            }

            /**
             * The parameters.
             *
             * @throws IllegalArgumentException when a required parameter is missing or a value is out of the spec's range
             */
            public GetMarketOrderbookParams build() {
                if (depth == null) {
                    throw new IllegalArgumentException("GetMarketOrderbook: query parameter depth is required");
                }
                if (depth != null && io.github.kalshi4j.transport.KalshiJson.compareToBound(depth, "0") < 0) {
                    throw new IllegalArgumentException("GetMarketOrderbook: depth must be >= 0, got " + depth);
                }
                if (depth != null && io.github.kalshi4j.transport.KalshiJson.compareToBound(depth, "100") > 0) {
                    throw new IllegalArgumentException("GetMarketOrderbook: depth must be <= 100, got " + depth);
                }
                return new GetMarketOrderbookParams(this);
            }
        }
    }

    /**
     * Get Market Orderbook: {@code GET /markets/{ticker}/orderbook}.
     *
     * @param ticker Market ticker.
     * @param params query parameters
     * @param options per-call options (timeout, headers, retries); {@link RequestOptions#NONE} for defaults
     * @return the decoded response body
     */
    public GetMarketOrderbookResponse getMarketOrderbook(String ticker, GetMarketOrderbookParams params, RequestOptions options) {
        return getMarketOrderbookWithResponse(ticker, params, options).body();
    }

    /** Get Market Orderbook, with default options. See {@link #getMarketOrderbook(String, GetMarketOrderbookParams, RequestOptions)}. */
    public GetMarketOrderbookResponse getMarketOrderbook(String ticker, GetMarketOrderbookParams params) {
        return getMarketOrderbook(ticker, params, RequestOptions.NONE);
    }

    /** Get Market Orderbook, with parameters set on a builder. */
    public GetMarketOrderbookResponse getMarketOrderbook(String ticker, Consumer<GetMarketOrderbookParams.Builder> params) {
        GetMarketOrderbookParams.Builder b = GetMarketOrderbookParams.builder();
        params.accept(b);
        return getMarketOrderbook(ticker, b.build(), RequestOptions.NONE);
    }

    /** Get Market Orderbook, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<GetMarketOrderbookResponse> getMarketOrderbookWithResponse(String ticker, GetMarketOrderbookParams params, RequestOptions options) {
        return transport.execute(getMarketOrderbookRequest(ticker, params, options), GetMarketOrderbookResponse.class);
    }

    /** The single HTTP exchange of {@code GetMarketOrderbook}, shared by the blocking and async forms. */
    static ApiRequest getMarketOrderbookRequest(String ticker, GetMarketOrderbookParams params, RequestOptions options) {
        ApiRequest.Builder request = ApiRequest.builder(Operations.GET_MARKET_ORDERBOOK);
        request.pathParam("ticker", ticker);
        Objects.requireNonNull(params, "GetMarketOrderbook: params must not be null (use GetMarketOrderbookParams.builder().build())");
        request.query("depth", params.depth());
        return request.options(options).build();
    }

    /** Query parameters of {@code GetMarkets} ({@code GET /markets}). Immutable. */
    public static final class GetMarketsParams {
        private final String cursor;
        private final Integer limit;
        private final List<String> tickers;
        private final List<String> seriesTickers;
        private final String status;
        private final BigDecimal minYesBidDollars;
        private final Long minCloseTs;

        private GetMarketsParams(Builder b) {
            this.cursor = b.cursor;
            this.limit = b.limit;
            this.tickers = b.tickers;
            this.seriesTickers = b.seriesTickers;
            this.status = b.status;
            this.minYesBidDollars = b.minYesBidDollars;
            this.minCloseTs = b.minCloseTs;
        }

        /** A new builder. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these values. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.cursor = this.cursor;
            b.limit = this.limit;
            b.tickers = this.tickers;
            b.seriesTickers = this.seriesTickers;
            b.status = this.status;
            b.minYesBidDollars = this.minYesBidDollars;
            b.minCloseTs = this.minCloseTs;
            return b;
        }

        /** Pagination cursor from the previous page. */
        public String cursor() {
            return cursor;
        }

        /** Page size. */
        public Integer limit() {
            return limit;
        }

        /** Market tickers, sent comma-joined. */
        public List<String> tickers() {
            return tickers;
        }

        /** Series tickers, sent as a repeated parameter. */
        public List<String> seriesTickers() {
            return seriesTickers;
        }

        /** Query parameter {@code status}. */
        public String status() {
            return status;
        }

        /** Lowest yes bid, in dollars. */
        public BigDecimal minYesBidDollars() {
            return minYesBidDollars;
        }

        /** Query parameter {@code min_close_ts}. */
        public Long minCloseTs() {
            return minCloseTs;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof GetMarketsParams)) {
                return false;
            }
            GetMarketsParams other = (GetMarketsParams) o;
            return Objects.equals(cursor, other.cursor)
                    && Objects.equals(limit, other.limit)
                    && Objects.equals(tickers, other.tickers)
                    && Objects.equals(seriesTickers, other.seriesTickers)
                    && Objects.equals(status, other.status)
                    && Objects.equals(minYesBidDollars, other.minYesBidDollars)
                    && Objects.equals(minCloseTs, other.minCloseTs);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cursor, limit, tickers, seriesTickers, status, minYesBidDollars, minCloseTs);
        }

        @Override
        public String toString() {
            return "GetMarketsParams{" + "cursor=" + cursor + ", limit=" + limit + ", tickers=" + tickers + ", seriesTickers=" + seriesTickers + ", status=" + status + ", minYesBidDollars=" + minYesBidDollars + ", minCloseTs=" + minCloseTs + "}";
        }

        /** Builds {@link GetMarketsParams}. */
        public static final class Builder {
            private String cursor;
            private Integer limit;
            private List<String> tickers;
            private List<String> seriesTickers;
            private String status;
            private BigDecimal minYesBidDollars;
            private Long minCloseTs;

            private Builder() {
            }

            /**
             * Pagination cursor from the previous page.
             */
            public Builder cursor(String value) {
                this.cursor = value;
                return this;
            }

            /**
             * Page size.
             */
            public Builder limit(Integer value) {
                this.limit = value;
                return this;
            }

            /**
             * Market tickers, sent comma-joined.
             * <p>Sent comma-joined; items must be non-empty and contain no comma.
             */
            public Builder tickers(List<String> value) {
                this.tickers = value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
                return this;
            }

            /** Sets {@code tickers} from items. */
            public Builder tickers(String... values) {
                return tickers(values == null ? null : List.of(values));
            }

            /**
             * Series tickers, sent as a repeated parameter.
             * <p>Sent as a repeated parameter; items must be non-empty and contain no comma.
             */
            public Builder seriesTickers(List<String> value) {
                this.seriesTickers = value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
                return this;
            }

            /** Sets {@code series_tickers} from items. */
            public Builder seriesTickers(String... values) {
                return seriesTickers(values == null ? null : List.of(values));
            }

            /**
             * Sets {@code status}.
             * <p>Allowed values: {@code open} {@code closed}.
             */
            public Builder status(String value) {
                this.status = value;
                return this;
            }

            /**
             * Lowest yes bid, in dollars.
             */
            public Builder minYesBidDollars(BigDecimal value) {
                this.minYesBidDollars = io.github.kalshi4j.transport.KalshiJson.checkFixedPoint("min_yes_bid_dollars", value);
                return this;
            }

            /** Sets {@code min_yes_bid_dollars} from a decimal string such as {@code "0.5600"}. */
            public Builder minYesBidDollars(String value) {
                this.minYesBidDollars = io.github.kalshi4j.transport.KalshiJson.decimal("min_yes_bid_dollars", value);
                return this;
            }

            /**
             * Sets {@code min_close_ts}.
             */
            public Builder minCloseTs(Long value) {
                this.minCloseTs = value;
                return this;
            }

            /**
             * The parameters.
             *
             * @throws IllegalArgumentException when a required parameter is missing or a value is out of the spec's range
             */
            public GetMarketsParams build() {
                if (limit != null && io.github.kalshi4j.transport.KalshiJson.compareToBound(limit, "1") < 0) {
                    throw new IllegalArgumentException("GetMarkets: limit must be >= 1, got " + limit);
                }
                if (limit != null && io.github.kalshi4j.transport.KalshiJson.compareToBound(limit, "1000") > 0) {
                    throw new IllegalArgumentException("GetMarkets: limit must be <= 1000, got " + limit);
                }
                return new GetMarketsParams(this);
            }
        }
    }

    /**
     * Get Markets: {@code GET /markets}.
     *
     * <p>Lists markets, one page at a time.
     *
     * @param params query parameters
     * @param options per-call options (timeout, headers, retries); {@link RequestOptions#NONE} for defaults
     * @return the decoded response body
     */
    public GetMarketsResponse getMarkets(GetMarketsParams params, RequestOptions options) {
        return getMarketsWithResponse(params, options).body();
    }

    /** Get Markets, with default options. See {@link #getMarkets(GetMarketsParams, RequestOptions)}. */
    public GetMarketsResponse getMarkets(GetMarketsParams params) {
        return getMarkets(params, RequestOptions.NONE);
    }

    /** Get Markets, with parameters set on a builder. */
    public GetMarketsResponse getMarkets(Consumer<GetMarketsParams.Builder> params) {
        GetMarketsParams.Builder b = GetMarketsParams.builder();
        params.accept(b);
        return getMarkets(b.build(), RequestOptions.NONE);
    }

    /** Get Markets, with no query parameters. */
    public GetMarketsResponse getMarkets() {
        return getMarkets(GetMarketsParams.builder().build(), RequestOptions.NONE);
    }

    /** Get Markets, with no query parameters and per-call options. */
    public GetMarketsResponse getMarkets(RequestOptions options) {
        return getMarkets(GetMarketsParams.builder().build(), options);
    }

    /** Get Markets, with no query parameters, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<GetMarketsResponse> getMarketsWithResponse(RequestOptions options) {
        return getMarketsWithResponse(GetMarketsParams.builder().build(), options);
    }

    /** Get Markets, with the raw response: status, headers, request id, attempts and body. */
    public ApiResponse<GetMarketsResponse> getMarketsWithResponse(GetMarketsParams params, RequestOptions options) {
        return transport.execute(getMarketsRequest(params, options), GetMarketsResponse.class);
    }

    /**
     * All pages of {@code GetMarkets}, fetched lazily as you iterate: use in a for-loop over
     * items or as a {@code Stream}. Starts at {@code params.cursor()} when set.
     */
    public PageIterable<GetMarketsResponse, Market> getMarketsPages(GetMarketsParams params, RequestOptions options) {
        GetMarketsParams first = params;
        return transport.paginate(Operations.GET_MARKETS, first.cursor(),
                cursor -> getMarkets(first.toBuilder().cursor(cursor).build(), options),
                r -> r.markets(),
                r -> r.cursor());
    }

    /** All pages of {@code GetMarkets} with default options; see {@link #getMarketsPages(GetMarketsParams, RequestOptions)}. */
    public PageIterable<GetMarketsResponse, Market> getMarketsPages(GetMarketsParams params) {
        return getMarketsPages(params, RequestOptions.NONE);
    }

    /** All pages of {@code GetMarkets}, with parameters set on a builder. */
    public PageIterable<GetMarketsResponse, Market> getMarketsPages(Consumer<GetMarketsParams.Builder> params) {
        GetMarketsParams.Builder b = GetMarketsParams.builder();
        params.accept(b);
        return getMarketsPages(b.build(), RequestOptions.NONE);
    }

    /** The single HTTP exchange of {@code GetMarkets}, shared by the blocking and async forms. */
    static ApiRequest getMarketsRequest(GetMarketsParams params, RequestOptions options) {
        ApiRequest.Builder request = ApiRequest.builder(Operations.GET_MARKETS);
        Objects.requireNonNull(params, "GetMarkets: params must not be null (use GetMarketsParams.builder().build())");
        request.query("cursor", params.cursor());
        request.query("limit", params.limit());
        request.queryArray("tickers", params.tickers(), false);
        request.queryArray("series_tickers", params.seriesTickers(), true);
        request.query("status", params.status());
        request.query("min_yes_bid_dollars", params.minYesBidDollars());
        request.query("min_close_ts", params.minCloseTs());
        return request.options(options).build();
    }
}
