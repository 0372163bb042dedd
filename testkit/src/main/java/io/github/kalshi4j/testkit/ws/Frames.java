package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.testkit.engine.FixedPoint;
import io.github.kalshi4j.testkit.engine.Fill;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketLifecycleEvent;
import io.github.kalshi4j.testkit.engine.MarketPosition;
import io.github.kalshi4j.testkit.engine.Order;
import io.github.kalshi4j.testkit.engine.MarketLifecycleType;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdate;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdateType;
import io.github.kalshi4j.testkit.engine.Orderbook;
import io.github.kalshi4j.testkit.engine.OrderbookDelta;
import io.github.kalshi4j.ws.PriceLevel;
import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.testkit.engine.Trade;
import io.github.kalshi4j.testkit.rest.Models;
import io.github.kalshi4j.ws.model.Cfbenchmarks5HzIndexListPayload;
import io.github.kalshi4j.ws.model.Cfbenchmarks5HzIndexListPayloadMsg;
import io.github.kalshi4j.ws.model.CfbenchmarksAvgData;
import io.github.kalshi4j.ws.model.CfbenchmarksIndexListPayload;
import io.github.kalshi4j.ws.model.CfbenchmarksIndexListPayloadMsg;
import io.github.kalshi4j.ws.model.CfbenchmarksValue5HzPayload;
import io.github.kalshi4j.ws.model.CfbenchmarksValue5HzPayloadMsg;
import io.github.kalshi4j.ws.model.CfbenchmarksValuePayload;
import io.github.kalshi4j.ws.model.CfbenchmarksValuePayloadMsg;
import io.github.kalshi4j.ws.model.ErrorResponsePayload;
import io.github.kalshi4j.ws.model.ErrorResponsePayloadMsg;
import io.github.kalshi4j.ws.model.FillPayload;
import io.github.kalshi4j.ws.model.FillPayloadMsg;
import io.github.kalshi4j.ws.model.ListSubscriptionsResponsePayload;
import io.github.kalshi4j.ws.model.ListSubscriptionsResponsePayloadMsgInner;
import io.github.kalshi4j.ws.model.MarketLifecycleV2Payload;
import io.github.kalshi4j.ws.model.MarketLifecycleV2PayloadMsg;
import io.github.kalshi4j.ws.model.MarketPositionPayload;
import io.github.kalshi4j.ws.model.MarketPositionPayloadMsg;
import io.github.kalshi4j.ws.model.MultivariateMarketLifecyclePayload;
import io.github.kalshi4j.ws.model.MultivariateMarketLifecyclePayloadMsg;
import io.github.kalshi4j.ws.model.OkResponsePayload;
import io.github.kalshi4j.ws.model.OkResponsePayloadMsg;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayload;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayloadMsg;
import io.github.kalshi4j.ws.model.PythUnderlyingListPayload;
import io.github.kalshi4j.ws.model.PythUnderlyingListPayloadMsg;
import io.github.kalshi4j.ws.model.PythValuePayload;
import io.github.kalshi4j.ws.model.PythValuePayloadMsg;
import io.github.kalshi4j.ws.model.SubscribedIndicesResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedIndicesResponsePayloadMsg;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedResponsePayloadMsg;
import io.github.kalshi4j.ws.model.SubscribedUnderlyingsResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedUnderlyingsResponsePayloadMsg;
import io.github.kalshi4j.ws.model.TickerPayload;
import io.github.kalshi4j.ws.model.TickerPayloadMsg;
import io.github.kalshi4j.ws.model.TradePayload;
import io.github.kalshi4j.ws.model.TradePayloadMsg;
import io.github.kalshi4j.ws.model.UnsubscribedResponsePayload;
import io.github.kalshi4j.ws.model.UserOrderPayload;
import io.github.kalshi4j.ws.model.UserOrderPayloadMsg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Engine events to the generated WebSocket payload models, so every frame the gateway sends is spec-shaped.
 *
 * <p>Numbers follow Kalshi's current wire (and {@link Models}' scales): prices as {@code _dollars} strings with 4
 * decimals, counts as {@code _fp} strings with 2. The legacy integer-cent and integer-count twins ({@code price},
 * {@code yes_price}, {@code count}, {@code delta}, ...) are left out, as Kalshi's servers now leave them out: they
 * cannot carry fractional contracts or sub-cent prices. {@code market_position} is the exception, because its
 * money fields exist only as integer centi-cents.
 */
final class Frames {

    private static final BigDecimal ONE = new BigDecimal("1.0000");
    private static final BigDecimal ZERO = new BigDecimal("0.0000");

    private Frames() {
    }

    /**
     * A stable UUID for a market. The engine has no market ids, but {@code market_id} is required on book frames;
     * deriving it from the ticker keeps it the same across frames, connections and restarts.
     */
    static String marketId(String ticker) {
        return UUID.nameUUIDFromBytes(("kalshi4j-market:" + ticker).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ------------------------------------------------------------------ replies

    static SubscribedResponsePayload subscribed(Integer id, Channel channel, int sid) {
        return SubscribedResponsePayload.builder().id(id).type(SubscribedResponsePayload.TYPE)
                .msg(SubscribedResponsePayloadMsg.builder().channel(channel.wire()).sid(sid).build()).build();
    }

    static UnsubscribedResponsePayload unsubscribed(Integer id, int sid, int seq) {
        return UnsubscribedResponsePayload.builder().id(id).sid(sid).seq(seq).type(UnsubscribedResponsePayload.TYPE)
                .build();
    }

    /** The reply to {@code update_subscription}: the subscription's full market list after the update. */
    static OkResponsePayload ok(Integer id, Subscription sub) {
        OkResponsePayload.Builder b = OkResponsePayload.builder().id(id).sid(sub.sid).type(OkResponsePayload.TYPE);
        if (!sub.skipTickerAck) {
            b.msg(OkResponsePayloadMsg.builder().marketTickers(sub.markets()).build());
        }
        return b.build();
    }

    static ListSubscriptionsResponsePayload list(Integer id, List<Subscription> subs) {
        List<ListSubscriptionsResponsePayloadMsgInner> items = new ArrayList<>();
        for (Subscription s : subs) {
            items.add(ListSubscriptionsResponsePayloadMsgInner.builder().channel(s.channel.wire()).sid(s.sid).build());
        }
        // msg is a required list, so the model writes it even when empty ("msg":[]), which keeps the reply
        // distinguishable from an update_subscription "ok".
        return ListSubscriptionsResponsePayload.builder().id(id).type(ListSubscriptionsResponsePayload.TYPE).msg(items)
                .build();
    }

    static ErrorResponsePayload error(Integer id, CommandError e) {
        ErrorResponsePayloadMsg.Builder msg = ErrorResponsePayloadMsg.builder().code(e.code()).msg(e.getMessage());
        if (e.marketTicker() != null) {
            msg.marketTicker(e.marketTicker());
        }
        if (e.marketId() != null) {
            declared(ErrorResponsePayloadMsg.class, msg::additionalProperty, "market_id", e.marketId());
        }
        return ErrorResponsePayload.builder().id(id).type(ErrorResponsePayload.TYPE).msg(msg.build()).build();
    }

    // ------------------------------------------------------------------ market data

    /**
     * A whole book; levels in ascending price order as Kalshi sends them, empty sides left out. With
     * {@code yesLeg} (the subscription's {@code use_yes_price}) the NO side is priced on the YES leg: a NO bid at q
     * is the row {@code 1 - q}, so one price scale serves both sides.
     */
    static OrderbookSnapshotPayload snapshot(int sid, int seq, Orderbook book, boolean yesLeg) {
        OrderbookSnapshotPayloadMsg msg = OrderbookSnapshotPayloadMsg.builder()
                .marketTicker(book.ticker())
                .marketId(marketId(book.ticker()))
                .yesDollarsFp(levels(book.yes(), false))
                .noDollarsFp(levels(book.no(), yesLeg))
                .build();
        return OrderbookSnapshotPayload.builder().type(OrderbookSnapshotPayload.TYPE).sid(sid).seq(seq).msg(msg).build();
    }

    private static List<List<BigDecimal>> levels(List<PriceLevel> bestFirst, boolean yesLeg) {
        List<List<BigDecimal>> rows = new ArrayList<>(bestFirst.size());
        // The best NO bid is the lowest YES-leg price: on the YES leg, best first is already ascending.
        for (int k = 0; k < bestFirst.size(); k++) {
            PriceLevel level = bestFirst.get(yesLeg ? k : bestFirst.size() - 1 - k);
            BigDecimal price = yesLeg ? BigDecimal.ONE.subtract(level.price()) : level.price();
            rows.add(List.of(Models.price(price), Models.count(level.count())));
        }
        return rows;
    }

    /** A level change; {@code client_order_id} only for the member whose order changed the level, as on Kalshi. */
    static OrderbookDeltaPayload delta(int sid, int seq, OrderbookDelta d, boolean toOwner, boolean yesLeg) {
        BigDecimal price = yesLeg && d.side() == Side.NO ? BigDecimal.ONE.subtract(d.price()) : d.price();
        OrderbookDeltaPayloadMsg.Builder msg = OrderbookDeltaPayloadMsg.builder()
                .marketTicker(d.ticker())
                .marketId(marketId(d.ticker()))
                .priceDollars(Models.price(price))
                .deltaFp(Models.count(d.delta()))
                .side(d.side().wire())
                .ts(Models.time(d.time()));
        declared(OrderbookDeltaPayloadMsg.class, msg::additionalProperty, "ts_ms", d.time().toEpochMilli());
        if (toOwner && d.clientOrderId() != null) {
            msg.clientOrderId(d.clientOrderId());
        }
        return OrderbookDeltaPayload.builder().type(OrderbookDeltaPayload.TYPE).sid(sid).seq(seq).msg(msg.build()).build();
    }

    /** The ticker fields of a market; equal values mean no ticker frame is due. */
    record TickerState(String ticker, BigDecimal price, BigDecimal yesBid, BigDecimal yesAsk, BigDecimal yesBidSize,
            BigDecimal yesAskSize, BigDecimal volume, BigDecimal openInterest, BigDecimal lastTradeSize) {

        static TickerState of(Market m, BigDecimal lastTradeSize) {
            return new TickerState(m.ticker(), Models.price(m.lastPrice()), Models.price(m.yesBid()),
                    Models.price(m.yesAsk()), Models.count(m.yesBidSize()), Models.count(m.yesAskSize()),
                    Models.count(m.volume()), Models.count(m.openInterest()), Models.count(lastTradeSize));
        }
    }

    static TickerPayload ticker(int sid, TickerState t, Instant time) {
        TickerPayloadMsg.Builder msg = TickerPayloadMsg.builder()
                .marketTicker(t.ticker())
                .marketId(marketId(t.ticker()))
                .priceDollars(t.price())
                .yesBidDollars(t.yesBid())
                .yesAskDollars(t.yesAsk())
                .volumeFp(t.volume())
                .openInterestFp(t.openInterest())
                .ts(time.getEpochSecond())
                .time(Models.time(time));
        java.util.function.BiConsumer<String, Object> extra = msg::additionalProperty;
        Class<?> model = TickerPayloadMsg.class;
        declared(model, extra, "yes_bid_size_fp", t.yesBidSize().toPlainString());
        declared(model, extra, "yes_ask_size_fp", t.yesAskSize().toPlainString());
        declared(model, extra, "last_trade_size_fp", t.lastTradeSize().toPlainString());
        // Every contract's notional value is $1, so the notionals are the counts in whole dollars.
        declared(model, extra, "dollar_volume", wholeContracts(t.volume()));
        declared(model, extra, "dollar_open_interest", wholeContracts(t.openInterest()));
        declared(model, extra, "ts_ms", time.toEpochMilli());
        return TickerPayload.builder().type(TickerPayload.TYPE).sid(sid).msg(msg.build()).build();
    }

    static TradePayload trade(int sid, int seq, Trade t) {
        TradePayloadMsg.Builder msg = TradePayloadMsg.builder()
                .tradeId(t.tradeId())
                .marketTicker(t.ticker())
                .yesPriceDollars(Models.price(t.yesPrice()))
                .noPriceDollars(Models.price(t.noPrice()))
                .countFp(Models.count(t.count()))
                .takerSide(t.takerSide().wire())
                .ts(t.createdTime().getEpochSecond());
        java.util.function.BiConsumer<String, Object> extra = msg::additionalProperty;
        Class<?> model = TradePayloadMsg.class;
        declared(model, extra, "taker_outcome_side", t.takerSide().wire());
        declared(model, extra, "taker_book_side", t.takerSide() == Side.YES ? "bid" : "ask");
        // Every trade of the local exchange matched on its order book.
        declared(model, extra, "is_block_trade", false);
        declared(model, extra, "ts_ms", t.createdTime().toEpochMilli());
        TradePayload.Builder frame = TradePayload.builder().type(TradePayload.TYPE).sid(sid).msg(msg.build());
        declared(TradePayload.class, frame::additionalProperty, "seq", seq);
        return frame.build();
    }

    static MarketLifecycleV2Payload lifecycle(int sid, int seq, MarketLifecycleEvent e) {
        MarketLifecycleV2PayloadMsg.Builder msg = MarketLifecycleV2PayloadMsg.builder()
                .eventType(e.type().wireEventType())
                .marketTicker(e.market().ticker());
        lifecycleFields(e, msg::additionalProperty, MarketLifecycleV2PayloadMsg.class);
        MarketLifecycleV2Payload.Builder frame = MarketLifecycleV2Payload.builder().type(MarketLifecycleV2Payload.TYPE)
                .sid(sid).msg(msg.build());
        declared(MarketLifecycleV2Payload.class, frame::additionalProperty, "seq", seq);
        return frame.build();
    }

    /** A multivariate (combo) market's lifecycle change, on the channel that carries only those. */
    static MultivariateMarketLifecyclePayload multivariateLifecycle(int sid, int seq, MarketLifecycleEvent e) {
        MultivariateMarketLifecyclePayloadMsg.Builder msg = MultivariateMarketLifecyclePayloadMsg.builder()
                .eventType(e.type().wireEventType())
                .marketTicker(e.market().ticker())
                .exchangeIndex(Models.EXCHANGE_INDEX);
        lifecycleFields(e, msg::additionalProperty, MultivariateMarketLifecyclePayloadMsg.class);
        return MultivariateMarketLifecyclePayload.builder().type(MultivariateMarketLifecyclePayload.TYPE).sid(sid).seq(seq)
                .msg(msg.build()).build();
    }

    /** The members a lifecycle change of each type carries; both lifecycle channels share them. */
    private static void lifecycleFields(MarketLifecycleEvent e, java.util.function.BiConsumer<String, Object> extra,
            Class<?> model) {
        Market m = e.market();
        declared(model, extra, "exchange_index", Models.EXCHANGE_INDEX);
        MarketLifecycleType type = e.type();
        switch (type) {
            case ACTIVATED -> declared(model, extra, "is_deactivated", false);
            case DEACTIVATED -> declared(model, extra, "is_deactivated", true);
            case CLOSED -> declared(model, extra, "close_ts", (m.closeTime() != null ? m.closeTime() : e.time()).getEpochSecond());
            case DETERMINED -> {
                BigDecimal value = m.settlementValue() != null ? m.settlementValue() : m.result() == Side.YES ? ONE : ZERO;
                declared(model, extra, "result", m.result() == null ? "" : m.result().wire());
                declared(model, extra, "determination_ts", e.time().getEpochSecond());
                declared(model, extra, "settlement_value", Models.price(value).toPlainString());
            }
            case SETTLED -> declared(model, extra, "settled_ts",
                    (m.settlementTime() != null ? m.settlementTime() : e.time()).getEpochSecond());
            default -> throw new IllegalStateException("unmapped lifecycle type " + type);
        }
    }

    // ------------------------------------------------------------------ private data

    static FillPayload fill(int sid, Fill f) {
        FillPayloadMsg.Builder msg = FillPayloadMsg.builder()
                .tradeId(f.tradeId())
                .orderId(f.orderId())
                .marketTicker(f.ticker())
                .isTaker(f.taker())
                .side(f.side().wire())
                .yesPriceDollars(Models.price(f.yesPrice()))
                .countFp(Models.count(f.count()))
                .feeCost(Models.money(f.feeCost()).toPlainString())
                .action(f.action().wireValue())
                .ts(f.createdTime().getEpochSecond())
                .postPositionFp(Models.count(f.postPosition()))
                .purchasedSide(f.purchasedSide().wire());
        java.util.function.BiConsumer<String, Object> extra = msg::additionalProperty;
        Class<?> model = FillPayloadMsg.class;
        declared(model, extra, "exchange_index", Models.EXCHANGE_INDEX);
        declared(model, extra, "outcome_side", f.purchasedSide().wire());
        declared(model, extra, "book_side", f.purchasedSide() == Side.YES ? "bid" : "ask");
        declared(model, extra, "ts_ms", f.createdTime().toEpochMilli());
        if (f.clientOrderId() != null) {
            msg.clientOrderId(f.clientOrderId());
        }
        return FillPayload.builder().type(FillPayload.TYPE).sid(sid).msg(msg.build()).build();
    }

    static UserOrderPayload userOrder(int sid, Order o) {
        UserOrderPayloadMsg.Builder msg = UserOrderPayloadMsg.builder()
                .orderId(o.orderId())
                .userId(o.userId())
                .ticker(o.ticker())
                .status(o.status().value())
                .side(o.side().wire())
                .isYes(o.side() == Side.YES)
                .yesPriceDollars(Models.price(o.yesPrice()))
                .fillCountFp(Models.count(o.fillCount()))
                .remainingCountFp(Models.count(o.remainingCount()))
                .initialCountFp(Models.count(o.initialCount()))
                .takerFillCostDollars(Models.money(o.takerFillCost()))
                .makerFillCostDollars(Models.money(o.makerFillCost()))
                .clientOrderId(o.clientOrderId() == null ? "" : o.clientOrderId())
                .orderGroupId(o.orderGroupId())
                .createdTime(Models.time(o.createdTime()))
                .lastUpdateTime(Models.time(o.lastUpdateTime()))
                .expirationTime(Models.time(o.expirationTime()));
        msg.takerFeesDollars(Models.money(o.takerFees())).makerFeesDollars(Models.money(o.makerFees()));
        java.util.function.BiConsumer<String, Object> extra = msg::additionalProperty;
        Class<?> model = UserOrderPayloadMsg.class;
        declared(model, extra, "exchange_index", Models.EXCHANGE_INDEX);
        declared(model, extra, "outcome_side", Models.outcomeSide(o.side(), o.action()).wire());
        declared(model, extra, "book_side", Models.bookSide(o.side(), o.action()));
        declared(model, extra, "created_ts_ms", o.createdTime().toEpochMilli());
        declared(model, extra, "last_updated_ts_ms", o.lastUpdateTime().toEpochMilli());
        if (o.expirationTime() != null) {
            declared(model, extra, "expiration_ts_ms", o.expirationTime().toEpochMilli());
        }
        if (o.selfTradePreventionType() != null) {
            msg.selfTradePreventionType(o.selfTradePreventionType().value());
        }
        return UserOrderPayload.builder().type(UserOrderPayload.TYPE).sid(sid).msg(msg.build()).build();
    }

    /**
     * A position change. Money is in integer centi-cents (1/10,000 dollar) as the channel defines it; the integer
     * {@code position}/{@code volume} are whole contracts (fractions dropped), the {@code _fp} twins are exact.
     */
    static MarketPositionPayload position(int sid, MarketPosition p) {
        MarketPositionPayloadMsg.Builder msg = MarketPositionPayloadMsg.builder()
                .userId(p.userId())
                .marketTicker(p.ticker())
                .positionFp(Models.count(p.position()))
                .volumeFp(Models.count(p.volume()));
        // The forms that differ between spec versions: the pinned spec's integers, later specs' dollar strings.
        java.util.function.BiConsumer<String, Object> extra = msg::additionalProperty;
        Class<?> model = MarketPositionPayloadMsg.class;
        declared(model, extra, "position", wholeContracts(p.position()));
        declared(model, extra, "volume", wholeContracts(p.volume()));
        declared(model, extra, "position_cost", centiCents(p.marketExposure()));
        declared(model, extra, "realized_pnl", centiCents(p.realizedPnl()));
        declared(model, extra, "fees_paid", centiCents(p.feesPaid()));
        // The engine does not split fees by position; all fees paid in the market are the position's.
        declared(model, extra, "position_fee_cost", centiCents(p.feesPaid()));
        declared(model, extra, "position_cost_dollars", Models.money(p.marketExposure()).toPlainString());
        declared(model, extra, "realized_pnl_dollars", Models.money(p.realizedPnl()).toPlainString());
        declared(model, extra, "fees_paid_dollars", Models.money(p.feesPaid()).toPlainString());
        declared(model, extra, "position_fee_cost_dollars", Models.money(p.feesPaid()).toPlainString());
        return MarketPositionPayload.builder().type(MarketPositionPayload.TYPE).sid(sid).msg(msg.build()).build();
    }

    /**
     * Writes a member only when the spec this build was generated from declares it on {@code model}: Kalshi's later
     * specs drop legacy forms (integer cents and centi-cents, whole contracts) and add {@code _dollars} twins, and
     * the local exchange sends exactly the forms of the pinned spec, so that a spec bump does not need a Java edit
     * here to compile. The value goes in as an extra property, which the model writes under that name.
     */
    private static void declared(Class<?> model, java.util.function.BiConsumer<String, Object> extra, String name,
            Object value) {
        if (DECLARED.get(model).contains(name)) {
            extra.accept(name, value);
        }
    }

    private static final ClassValue<java.util.Set<String>> DECLARED = new ClassValue<>() {
        @Override
        protected java.util.Set<String> computeValue(Class<?> type) {
            com.fasterxml.jackson.databind.ObjectMapper mapper = io.github.kalshi4j.transport.KalshiJson.newMapper();
            return mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties().stream()
                    .map(com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition::getName)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    };

    static OrderGroupUpdatesPayload orderGroup(int sid, int seq, OrderGroupUpdate u, Instant time) {
        OrderGroupUpdatesPayloadMsg.Builder msg = OrderGroupUpdatesPayloadMsg.builder()
                .eventType(u.type().wireValue())
                .orderGroupId(u.orderGroupId());
        declared(OrderGroupUpdatesPayloadMsg.class, msg::additionalProperty, "ts_ms", time.toEpochMilli());
        // The spec: the limit is "present for created and limit_updated events only".
        boolean carriesLimit = u.type() == OrderGroupUpdateType.CREATED || u.type() == OrderGroupUpdateType.LIMIT_UPDATED;
        if (carriesLimit && u.contractsLimit() != null) {
            msg.contractsLimitFp(Models.count(u.contractsLimit()));
        }
        return OrderGroupUpdatesPayload.builder().type(OrderGroupUpdatesPayload.TYPE).sid(sid).seq(seq)
                .msg(msg.build()).build();
    }

    private static long centiCents(BigDecimal dollars) {
        return dollars == null ? 0L : FixedPoint.toCentiCents(dollars);
    }

    private static int wholeContracts(BigDecimal count) {
        return count == null ? 0 : count.setScale(0, RoundingMode.DOWN).intValueExact();
    }

    // ------------------------------------------------------------------ index values

    /** A CF Benchmarks value on {@code cfbenchmarks_value}, with its averages. */
    static CfbenchmarksValuePayload cfBenchmarks(int sid, int seq, IndexFeeds.CfTick t) {
        CfbenchmarksValuePayloadMsg.Builder msg = CfbenchmarksValuePayloadMsg.builder().indexId(t.indexId()).data(t.data())
                .avg60sData(average(t.trailing()));
        // Unix milliseconds do not fit the int the spec's unqualified "integer" generates, so they go in as longs.
        declared(CfbenchmarksValuePayloadMsg.class, msg::additionalProperty, "received_at", t.receivedAtMs());
        if (t.quarterHour() != null) {
            msg.last60sWindowedAverage15min(average(t.quarterHour()));
        }
        return CfbenchmarksValuePayload.builder().type(CfbenchmarksValuePayload.TYPE).sid(sid).seq(seq).msg(msg.build())
                .build();
    }

    private static CfbenchmarksAvgData average(IndexFeeds.Average a) {
        CfbenchmarksAvgData.Builder b = CfbenchmarksAvgData.builder().value(a.value()).windowSize(a.windowSize());
        declared(CfbenchmarksAvgData.class, b::additionalProperty, "window_start_ts_ms", a.windowStartMs());
        declared(CfbenchmarksAvgData.class, b::additionalProperty, "window_end_ts_exclusive", a.windowEndExclusiveMs());
        return b.build();
    }

    /** A CF Benchmarks value on {@code cfbenchmarks_value_5hz}: the raw tick, no averages. */
    static CfbenchmarksValue5HzPayload cfBenchmarks5Hz(int sid, int seq, IndexFeeds.CfTick t) {
        CfbenchmarksValue5HzPayloadMsg.Builder msg = CfbenchmarksValue5HzPayloadMsg.builder().indexId(t.indexId())
                .valueUsd(t.valueUsd()).data(t.data());
        declared(CfbenchmarksValue5HzPayloadMsg.class, msg::additionalProperty, "source_ts_ms", t.sourceTsMs());
        declared(CfbenchmarksValue5HzPayloadMsg.class, msg::additionalProperty, "received_at", t.receivedAtMs());
        return CfbenchmarksValue5HzPayload.builder().type(CfbenchmarksValue5HzPayload.TYPE).sid(sid).seq(seq)
                .msg(msg.build()).build();
    }

    /** A Pyth value on {@code pyth_value}. */
    static PythValuePayload pyth(int sid, int seq, IndexFeeds.PythTick t) {
        PythValuePayloadMsg.Builder msg = PythValuePayloadMsg.builder().underlyingTicker(t.underlying())
                .valueUsd(t.valueUsd());
        declared(PythValuePayloadMsg.class, msg::additionalProperty, "source_ts_ms", t.sourceTsMs());
        declared(PythValuePayloadMsg.class, msg::additionalProperty, "received_at", t.receivedAtMs());
        return PythValuePayload.builder().type(PythValuePayload.TYPE).sid(sid).seq(seq).msg(msg.build()).build();
    }

    /** The reply to {@code indexlist} on either CF Benchmarks channel: the ids that channel streams. */
    static Object indexList(Integer id, int sid, int seq, boolean fiveHz, List<String> ids) {
        if (fiveHz) {
            return Cfbenchmarks5HzIndexListPayload.builder().type(Cfbenchmarks5HzIndexListPayload.TYPE).id(id).sid(sid)
                    .seq(seq).msg(Cfbenchmarks5HzIndexListPayloadMsg.builder().indexIds(ids).build()).build();
        }
        return CfbenchmarksIndexListPayload.builder().type(CfbenchmarksIndexListPayload.TYPE).id(id).sid(sid).seq(seq)
                .msg(CfbenchmarksIndexListPayloadMsg.builder().indexIds(ids).build()).build();
    }

    /** The reply to {@code underlying_list}: the underlyings {@code pyth_value} streams. */
    static PythUnderlyingListPayload underlyingList(Integer id, int sid, int seq, List<String> tickers) {
        return PythUnderlyingListPayload.builder().type(PythUnderlyingListPayload.TYPE).id(id).sid(sid).seq(seq)
                .msg(PythUnderlyingListPayloadMsg.builder().underlyingTickers(tickers).build()).build();
    }

    /** The reply to {@code subscribe_indices} / {@code unsubscribe_indices}: the filter afterwards. */
    static SubscribedIndicesResponsePayload indices(Integer id, int sid, int seq, List<String> filter) {
        return SubscribedIndicesResponsePayload.builder().type(SubscribedIndicesResponsePayload.TYPE).id(id).sid(sid)
                .seq(seq).msg(SubscribedIndicesResponsePayloadMsg.builder().indexIds(filter).build()).build();
    }

    /** The reply to {@code subscribe_underlyings} / {@code unsubscribe_underlyings}: the filter afterwards. */
    static SubscribedUnderlyingsResponsePayload underlyings(Integer id, int sid, int seq, List<String> filter) {
        return SubscribedUnderlyingsResponsePayload.builder().type(SubscribedUnderlyingsResponsePayload.TYPE).id(id)
                .sid(sid).seq(seq).msg(SubscribedUnderlyingsResponsePayloadMsg.builder().underlyingTickers(filter).build())
                .build();
    }
}
