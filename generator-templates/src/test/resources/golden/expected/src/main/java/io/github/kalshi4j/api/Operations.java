// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/Operations.mustache, not this file.
package io.github.kalshi4j.api;

import io.github.kalshi4j.transport.OperationInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every operation of the pinned REST spec, one constant each, for transports and contract tests. */
public final class Operations {

    private Operations() {
    }


    /** Get Market Orderbook: {@code GET /markets/{ticker}/orderbook}. */
    public static final OperationInfo GET_MARKET_ORDERBOOK = new OperationInfo(
            "GetMarketOrderbook", "market", "GET", "/markets/{ticker}/orderbook", false, "getMarketOrderbook");


    /** Get Markets: {@code GET /markets}. */
    public static final OperationInfo GET_MARKETS = new OperationInfo(
            "GetMarkets", "market", "GET", "/markets", false, "getMarkets");


    /** Amend Order: {@code POST /portfolio/orders/{order_id}/amend}. */
    public static final OperationInfo AMEND_ORDER = new OperationInfo(
            "AmendOrder", "portfolio", "POST", "/portfolio/orders/{order_id}/amend", true, "amendOrder");


    /** Cancel Order: {@code DELETE /portfolio/orders/{order_id}}. */
    public static final OperationInfo CANCEL_ORDER = new OperationInfo(
            "CancelOrder", "portfolio", "DELETE", "/portfolio/orders/{order_id}", true, "cancelOrder");


    /** Create Order: {@code POST /portfolio/orders}. */
    public static final OperationInfo CREATE_ORDER = new OperationInfo(
            "CreateOrder", "portfolio", "POST", "/portfolio/orders", true, "createOrder");


    private static final List<OperationInfo> ALL;

    static {
        List<OperationInfo> all = new ArrayList<>();

        all.add(GET_MARKET_ORDERBOOK);

        all.add(GET_MARKETS);

        all.add(AMEND_ORDER);

        all.add(CANCEL_ORDER);

        all.add(CREATE_ORDER);

        ALL = Collections.unmodifiableList(all);
    }

    /** All operations, grouped by tag. */
    public static List<OperationInfo> all() {
        return ALL;
    }
}
