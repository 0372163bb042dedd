package io.github.kalshi4j.testkit.rest;

import io.github.kalshi4j.model.AmendOrderV2Request;
import io.github.kalshi4j.model.AmendOrderV2Response;
import io.github.kalshi4j.model.BatchCancelOrdersV2Request;
import io.github.kalshi4j.model.BatchCancelOrdersV2RequestOrdersInner;
import io.github.kalshi4j.model.BatchCancelOrdersV2Response;
import io.github.kalshi4j.model.BatchCancelOrdersV2ResponseOrdersInner;
import io.github.kalshi4j.model.BatchCreateOrdersV2Request;
import io.github.kalshi4j.model.BatchCreateOrdersV2Response;
import io.github.kalshi4j.model.BatchCreateOrdersV2ResponseOrdersInner;
import io.github.kalshi4j.model.CancelOrderV2Response;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.DecreaseOrderV2Request;
import io.github.kalshi4j.model.DecreaseOrderV2Response;
import io.github.kalshi4j.model.ErrorResponse;
import io.github.kalshi4j.testkit.engine.WireValues;
import io.github.kalshi4j.testkit.engine.Action;
import io.github.kalshi4j.testkit.engine.BatchCreateResult;
import io.github.kalshi4j.testkit.engine.CancelResult;
import io.github.kalshi4j.testkit.engine.ErrorCode;
import io.github.kalshi4j.testkit.engine.Exchange;
import io.github.kalshi4j.testkit.engine.ExchangeException;
import io.github.kalshi4j.testkit.engine.NewOrder;
import io.github.kalshi4j.testkit.engine.Order;
import io.github.kalshi4j.testkit.engine.OrderAmendment;
import io.github.kalshi4j.testkit.engine.OrderDecrease;
import io.github.kalshi4j.testkit.engine.OrderType;
import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.testkit.engine.TimeInForce;
import io.github.kalshi4j.testkit.internal.ApiError;
import io.github.kalshi4j.testkit.internal.HttpCall;
import io.github.kalshi4j.testkit.internal.Router;
import io.github.kalshi4j.testkit.internal.Router.Reply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Kalshi's V2 order entry under {@code /portfolio/events/orders}, on the matching engine.
 *
 * <p>V2 speaks the YES leg only (Kalshi's "Order direction" guide): {@code side} is the book side, {@code bid} buys
 * YES and {@code ask} sells YES (economically, buys NO), and {@code price} is the YES price for both, so a bid at p
 * matches an ask at p. The engine holds an ask as a sell-YES order, which it books as a NO bid at {@code 1 - p}; its
 * orders, fills and positions are therefore the same objects the rest of the API reports.
 *
 * <p>The local exchange is one event-contract shard ({@code exchange_index} 0) with primary accounts only: another
 * {@code exchange_index} than 0 or -1 (route by ticker), or a subaccount other than 0, is a 400.
 */
final class OrderRoutes {

    private static final String BID = "bid";
    private static final String ASK = "ask";

    private final Exchange engine;

    private OrderRoutes(Exchange engine) {
        this.engine = engine;
    }

    /** Registers the V2 order operations and cancel-all. */
    static void register(Router router, Exchange engine) {
        OrderRoutes r = new OrderRoutes(engine);
        router.on("CreateOrderV2", r::create);
        router.on("BatchCreateOrdersV2", r::batchCreate);
        router.on("AmendOrderV2", r::amend);
        router.on("DecreaseOrderV2", r::decrease);
        router.on("CancelOrderV2", r::cancel);
        router.on("BatchCancelOrdersV2", r::batchCancel);
        router.on("CancelAllOrders", r::cancelAll);
    }

    // ------------------------------------------------------------------ request checks

    /** The engine's action for a V2 book side: a bid buys YES, an ask sells it. */
    private static Action action(String bookSide) {
        if (BID.equals(bookSide)) {
            return Action.BUY;
        }
        if (ASK.equals(bookSide)) {
            return Action.SELL;
        }
        throw ApiError.badRequest("invalid_parameters", "side must be bid or ask");
    }

    /** Only the primary account exists: subaccounts are not modelled. */
    private static void primaryAccount(Integer subaccount) {
        if (subaccount != null && subaccount != 0) {
            throw ApiError.badRequest("invalid_parameters", "subaccount " + subaccount
                    + " does not exist: the local exchange models primary accounts (subaccount 0) only");
        }
    }

    private static void primaryAccount(HttpCall c) {
        Long subaccount = c.queryLong("subaccount", null, 0, 63);
        primaryAccount(subaccount == null ? null : subaccount.intValue());
    }

    /** Shard 0 is the only one; -1 asks to route by market ticker, which then must be given. */
    private static void shard(Integer exchangeIndex, String marketTicker) {
        if (exchangeIndex == null || exchangeIndex == 0) {
            return;
        }
        if (exchangeIndex == -1) {
            if (marketTicker == null || marketTicker.isBlank()) {
                throw ApiError.badRequest("invalid_parameters", "exchange_index -1 routes by market ticker,"
                        + " which is then required");
            }
            return;
        }
        throw ApiError.badRequest("invalid_parameters", "exchange_index " + exchangeIndex
                + " does not exist: the local exchange has one shard, 0");
    }

    /** A routing ticker that names another market than the order's cannot find the order. */
    private static void sameMarket(Order order, String marketTicker) {
        if (marketTicker != null && !marketTicker.isBlank() && !marketTicker.equals(order.ticker())) {
            throw new ExchangeException(ErrorCode.ORDER_NOT_FOUND,
                    "no order '" + order.orderId() + "' in market '" + marketTicker + "'");
        }
    }

    /** The engine form of one V2 order. */
    static NewOrder newOrder(CreateOrderV2Request req) {
        primaryAccount(req.subaccount());
        shard(req.exchangeIndex(), req.ticker());
        Action action = action(req.sideAsString());
        TimeInForce timeInForce = TimeInForce.fromWire(req.timeInForceAsString());
        if (req.expirationTime() != null && timeInForce != TimeInForce.GOOD_TILL_CANCELED) {
            throw ApiError.badRequest("invalid_parameters",
                    "expiration_time can only be combined with time_in_force good_till_canceled");
        }
        NewOrder.Builder b = NewOrder.builder(req.ticker(), Side.YES, action)
                .clientOrderId(req.clientOrderId())
                .type(OrderType.LIMIT)
                .count(req.count())
                .yesPrice(req.price())
                .timeInForce(timeInForce)
                .postOnly(Boolean.TRUE.equals(req.postOnly()))
                .reduceOnly(Boolean.TRUE.equals(req.reduceOnly()))
                .selfTradePreventionType(WireValues.selfTradePrevention(req.selfTradePreventionTypeAsString()))
                .orderGroupId(req.orderGroupId())
                .cancelOrderOnPause(Boolean.TRUE.equals(req.cancelOrderOnPause()));
        if (req.expirationTime() != null) {
            b.expirationTime(Instant.ofEpochSecond(req.expirationTime()));
        }
        return b.build();
    }

    private long now() {
        return engine.clock().millis();
    }

    private static ErrorResponse error(RuntimeException e) {
        if (e instanceof ExchangeException x) {
            return ErrorResponse.builder().code(x.code()).message(x.getMessage()).build();
        }
        if (e instanceof ApiError a) {
            return ErrorResponse.builder().code(a.code()).message(a.getMessage()).build();
        }
        return ErrorResponse.builder().code("invalid_parameters").message(e.getMessage()).build();
    }

    // ------------------------------------------------------------------ fills of one request

    /** What one request filled: contracts, their YES-leg value and the fees paid on them. */
    private record Filled(BigDecimal count, BigDecimal yesValue, BigDecimal fees) {

        /** The fills an order took between two snapshots (taker fills only: a request takes, it never makes). */
        static Filled between(Order before, Order after) {
            BigDecimal count = after.fillCount().subtract(before == null ? BigDecimal.ZERO : before.fillCount());
            BigDecimal ownValue = after.takerFillCost().subtract(before == null ? BigDecimal.ZERO : before.takerFillCost());
            BigDecimal fees = after.takerFees().subtract(before == null ? BigDecimal.ZERO : before.takerFees());
            // Fill costs are valued at the order's own side; V2 prices are YES prices.
            BigDecimal yesValue = after.side() == Side.YES ? ownValue : count.subtract(ownValue);
            return new Filled(count, yesValue, fees);
        }

        boolean any() {
            return count.signum() > 0;
        }

        BigDecimal averagePrice() {
            return average(yesValue);
        }

        BigDecimal averageFee() {
            return average(fees);
        }

        /** A per-contract average in dollars, to the 6 decimals responses may carry, at least 4. */
        private BigDecimal average(BigDecimal total) {
            BigDecimal avg = total.divide(count, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return avg.setScale(Math.max(4, avg.scale()), RoundingMode.UNNECESSARY);
        }
    }

    // ------------------------------------------------------------------ handlers

    private Reply create(HttpCall c) {
        CreateOrderV2Request req = c.body(CreateOrderV2Request.class);
        Order order = engine.createOrder(c.userId(), newOrder(req));
        Filled filled = Filled.between(null, order);
        CreateOrderV2Response.Builder b = CreateOrderV2Response.builder()
                .orderId(order.orderId())
                .clientOrderId(order.clientOrderId())
                .fillCount(Models.count(order.fillCount()))
                .remainingCount(Models.count(order.remainingCount()))
                .tsMs(now());
        if (filled.any()) {
            b.averageFillPrice(filled.averagePrice()).averageFeePaid(filled.averageFee());
        }
        return Reply.created(b.build());
    }

    private Reply batchCreate(HttpCall c) {
        BatchCreateOrdersV2Request req = c.body(BatchCreateOrdersV2Request.class);
        if (req.orders().isEmpty()) {
            throw ApiError.badRequest("invalid_parameters", "orders must not be empty");
        }
        // An order that cannot even be read into an engine order fails alone, like one the engine rejects.
        List<BatchCreateOrdersV2ResponseOrdersInner> out = new ArrayList<>();
        List<NewOrder> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (CreateOrderV2Request o : req.orders()) {
            try {
                valid.add(newOrder(o));
                validAt.add(out.size());
                out.add(null);
            } catch (ApiError | ExchangeException e) {
                out.add(BatchCreateOrdersV2ResponseOrdersInner.builder().clientOrderId(o.clientOrderId()).error(error(e))
                        .build());
            }
        }
        List<BatchCreateResult> results = valid.isEmpty() ? List.of() : engine.batchCreateOrders(c.userId(), valid);
        long ts = now();
        for (int i = 0; i < results.size(); i++) {
            BatchCreateResult res = results.get(i);
            BatchCreateOrdersV2ResponseOrdersInner.Builder b = BatchCreateOrdersV2ResponseOrdersInner.builder()
                    .clientOrderId(res.clientOrderId());
            if (res.isSuccess()) {
                Order order = res.order();
                Filled filled = Filled.between(null, order);
                b.orderId(order.orderId()).fillCount(Models.count(order.fillCount()))
                        .remainingCount(Models.count(order.remainingCount())).tsMs(ts);
                if (filled.any()) {
                    b.averageFillPrice(filled.averagePrice()).averageFeePaid(filled.averageFee());
                }
            } else {
                b.error(error(res.error()));
            }
            out.set(validAt.get(i), b.build());
        }
        return Reply.created(BatchCreateOrdersV2Response.builder().orders(out).build());
    }

    private Reply amend(HttpCall c) {
        primaryAccount(c);
        AmendOrderV2Request req = c.body(AmendOrderV2Request.class);
        shard(req.exchangeIndex(), req.ticker());
        String userId = c.userId();
        Order before = engine.getOrder(userId, c.path("order_id"));
        action(req.sideAsString());
        if (!req.sideAsString().equals(Models.bookSide(before.side(), before.action()))) {
            throw ApiError.badRequest("invalid_parameters", "side must match the order (" + Models.bookSide(before.side(),
                    before.action()) + ")");
        }
        // The amendment names the order the way the engine holds it; the V2 price is its YES price either way.
        OrderAmendment amendment = new OrderAmendment(req.ticker(), before.side(), before.action(), req.clientOrderId(),
                req.updatedClientOrderId(), req.price(), null, req.count());
        var result = engine.amendOrder(userId, before.orderId(), amendment);
        Order old = result.oldOrder();
        Order order = result.order();
        Filled filled = Filled.between(old, order);
        AmendOrderV2Response.Builder b = AmendOrderV2Response.builder()
                .orderId(order.orderId())
                .clientOrderId(order.clientOrderId())
                .tsMs(now());
        // The spec: counts only when the amend filled or changed the resting size, averages only when it filled.
        if (filled.any() || order.remainingCount().compareTo(old.remainingCount()) != 0) {
            b.remainingCount(Models.count(order.remainingCount())).fillCount(Models.count(filled.count()));
        }
        if (filled.any()) {
            b.averageFillPrice(filled.averagePrice()).averageFeePaid(filled.averageFee());
        }
        return Reply.ok(b.build());
    }

    private Reply decrease(HttpCall c) {
        primaryAccount(c);
        DecreaseOrderV2Request req = c.body(DecreaseOrderV2Request.class);
        shard(req.exchangeIndex(), req.marketTicker());
        if ((req.reduceBy() == null) == (req.reduceTo() == null)) {
            throw ApiError.badRequest("invalid_parameters", "exactly one of reduce_by and reduce_to is required");
        }
        String userId = c.userId();
        sameMarket(engine.getOrder(userId, c.path("order_id")), req.marketTicker());
        Order order = engine.decreaseOrder(userId, c.path("order_id"), new OrderDecrease(req.reduceBy(), req.reduceTo()));
        return Reply.ok(DecreaseOrderV2Response.builder()
                .orderId(order.orderId())
                .clientOrderId(order.clientOrderId())
                .remainingCount(Models.count(order.remainingCount()))
                .tsMs(now())
                .build());
    }

    private Reply cancel(HttpCall c) {
        primaryAccount(c);
        Long exchangeIndex = c.queryLong("exchange_index", null, Integer.MIN_VALUE, Integer.MAX_VALUE);
        String marketTicker = c.query("market_ticker");
        shard(exchangeIndex == null ? null : exchangeIndex.intValue(), marketTicker);
        String userId = c.userId();
        sameMarket(engine.getOrder(userId, c.path("order_id")), marketTicker);
        CancelResult res = engine.cancelOrder(userId, c.path("order_id"));
        return Reply.ok(CancelOrderV2Response.builder()
                .orderId(res.order().orderId())
                .clientOrderId(res.order().clientOrderId())
                .reducedBy(Models.count(res.reducedBy()))
                .tsMs(now())
                .build());
    }

    private Reply batchCancel(HttpCall c) {
        BatchCancelOrdersV2Request req = c.body(BatchCancelOrdersV2Request.class);
        if (req.orders().isEmpty()) {
            throw ApiError.badRequest("invalid_parameters", "orders must not be empty");
        }
        String userId = c.userId();
        List<BatchCancelOrdersV2ResponseOrdersInner> out = new ArrayList<>();
        for (BatchCancelOrdersV2RequestOrdersInner item : req.orders()) {
            BatchCancelOrdersV2ResponseOrdersInner.Builder b = BatchCancelOrdersV2ResponseOrdersInner.builder()
                    .orderId(item.orderId());
            try {
                primaryAccount(item.subaccount());
                shard(item.exchangeIndex(), item.marketTicker());
                sameMarket(engine.getOrder(userId, item.orderId()), item.marketTicker());
                CancelResult res = engine.cancelOrder(userId, item.orderId());
                b.clientOrderId(res.order().clientOrderId()).reducedBy(Models.count(res.reducedBy())).tsMs(now());
            } catch (ApiError | ExchangeException e) {
                // The spec: reduced_by is zero when the cancel errored.
                b.reducedBy(Models.count(null)).error(error(e));
            }
            out.add(b.build());
        }
        return Reply.ok(BatchCancelOrdersV2Response.builder().orders(out).build());
    }

    private Reply cancelAll(HttpCall c) {
        Long subaccount = c.queryLong("subaccount", null, 0, 63);
        String userId = c.userId();
        // Only primary accounts exist: a subaccount other than 0 has no orders to cancel.
        if (subaccount == null || subaccount == 0) {
            engine.cancelAllOrders(userId);
        }
        return Reply.noContent();
    }
}
