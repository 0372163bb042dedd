package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.testkit.engine.Fill;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketLifecycleEvent;
import io.github.kalshi4j.testkit.engine.MarketPosition;
import io.github.kalshi4j.testkit.engine.Order;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdate;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdateType;
import io.github.kalshi4j.testkit.engine.Orderbook;
import io.github.kalshi4j.testkit.engine.OrderbookDelta;
import io.github.kalshi4j.testkit.engine.PriceLevel;
import io.github.kalshi4j.testkit.engine.Side;
import io.github.kalshi4j.testkit.engine.Trade;
import io.github.kalshi4j.testkit.rest.Models;
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
import io.github.kalshi4j.ws.model.OkResponsePayload;
import io.github.kalshi4j.ws.model.OkResponsePayloadMsg;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayload;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayloadMsg;
import io.github.kalshi4j.ws.model.SubscribedResponsePayload;
import io.github.kalshi4j.ws.model.SubscribedResponsePayloadMsg;
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

    /** A whole book; levels in ascending price order as Kalshi sends them, empty sides left out. */
    static OrderbookSnapshotPayload snapshot(int sid, int seq, Orderbook book) {
        OrderbookSnapshotPayloadMsg msg = OrderbookSnapshotPayloadMsg.builder()
                .marketTicker(book.ticker())
                .marketId(marketId(book.ticker()))
                .yesDollarsFp(levels(book.yes()))
                .noDollarsFp(levels(book.no()))
                .build();
        return OrderbookSnapshotPayload.builder().type(OrderbookSnapshotPayload.TYPE).sid(sid).seq(seq).msg(msg).build();
    }

    private static List<List<BigDecimal>> levels(List<PriceLevel> bestFirst) {
        List<List<BigDecimal>> rows = new ArrayList<>(bestFirst.size());
        for (int i = bestFirst.size() - 1; i >= 0; i--) {
            PriceLevel level = bestFirst.get(i);
            rows.add(List.of(Models.price(level.price()), Models.count(level.count())));
        }
        return rows;
    }

    /** A level change; {@code client_order_id} only for the member whose order changed the level, as on Kalshi. */
    static OrderbookDeltaPayload delta(int sid, int seq, OrderbookDelta d, boolean toOwner) {
        OrderbookDeltaPayloadMsg.Builder msg = OrderbookDeltaPayloadMsg.builder()
                .marketTicker(d.ticker())
                .marketId(marketId(d.ticker()))
                .priceDollars(Models.price(d.price()))
                .deltaFp(Models.count(d.delta()))
                .side(d.side().wireValue())
                .ts(Models.time(d.time()));
        if (toOwner && d.clientOrderId() != null) {
            msg.clientOrderId(d.clientOrderId());
        }
        return OrderbookDeltaPayload.builder().type(OrderbookDeltaPayload.TYPE).sid(sid).seq(seq).msg(msg.build()).build();
    }

    /** The ticker fields of a market; equal values mean no ticker frame is due. */
    record TickerState(String ticker, BigDecimal price, BigDecimal yesBid, BigDecimal yesAsk, BigDecimal yesBidSize,
            BigDecimal yesAskSize, BigDecimal volume, BigDecimal openInterest) {

        static TickerState of(Market m) {
            return new TickerState(m.ticker(), Models.price(m.lastPrice()), Models.price(m.yesBid()),
                    Models.price(m.yesAsk()), Models.count(m.yesBidSize()), Models.count(m.yesAskSize()),
                    Models.count(m.volume()), Models.count(m.openInterest()));
        }
    }

    static TickerPayload ticker(int sid, TickerState t, Instant time) {
        TickerPayloadMsg msg = TickerPayloadMsg.builder()
                .marketTicker(t.ticker())
                .marketId(marketId(t.ticker()))
                .priceDollars(t.price())
                .yesBidDollars(t.yesBid())
                .yesAskDollars(t.yesAsk())
                .volumeFp(t.volume())
                .openInterestFp(t.openInterest())
                .ts(time.getEpochSecond())
                .time(Models.time(time))
                // Sent by Kalshi's servers although the spec does not list them yet.
                .additionalProperty("yes_bid_size_fp", t.yesBidSize().toPlainString())
                .additionalProperty("yes_ask_size_fp", t.yesAskSize().toPlainString())
                .build();
        return TickerPayload.builder().type(TickerPayload.TYPE).sid(sid).msg(msg).build();
    }

    static TradePayload trade(int sid, Trade t) {
        TradePayloadMsg msg = TradePayloadMsg.builder()
                .tradeId(t.tradeId())
                .marketTicker(t.ticker())
                .yesPriceDollars(Models.price(t.yesPrice()))
                .noPriceDollars(Models.price(t.noPrice()))
                .countFp(Models.count(t.count()))
                .takerSide(t.takerSide().wireValue())
                .ts(t.createdTime().getEpochSecond())
                .build();
        return TradePayload.builder().type(TradePayload.TYPE).sid(sid).msg(msg).build();
    }

    static MarketLifecycleV2Payload lifecycle(int sid, MarketLifecycleEvent e) {
        Market m = e.market();
        MarketLifecycleV2PayloadMsg.Builder msg = MarketLifecycleV2PayloadMsg.builder()
                .eventType(e.type().wireEventType())
                .marketTicker(m.ticker());
        switch (e.type()) {
            case ACTIVATED -> msg.isDeactivated(false);
            case DEACTIVATED -> msg.isDeactivated(true);
            case CLOSED -> msg.closeTs((m.closeTime() != null ? m.closeTime() : e.time()).getEpochSecond());
            case DETERMINED -> {
                BigDecimal value = m.settlementValue() != null ? m.settlementValue() : m.result() == Side.YES ? ONE : ZERO;
                msg.result(m.result() == null ? "" : m.result().wireValue())
                        .determinationTs(e.time().getEpochSecond())
                        .settlementValue(Models.price(value).toPlainString());
            }
            case SETTLED -> msg.settledTs((m.settlementTime() != null ? m.settlementTime() : e.time()).getEpochSecond());
            default -> throw new IllegalStateException("unmapped lifecycle type " + e.type());
        }
        return MarketLifecycleV2Payload.builder().type(MarketLifecycleV2Payload.TYPE).sid(sid).msg(msg.build()).build();
    }

    // ------------------------------------------------------------------ private data

    static FillPayload fill(int sid, Fill f) {
        FillPayloadMsg.Builder msg = FillPayloadMsg.builder()
                .tradeId(f.tradeId())
                .orderId(f.orderId())
                .marketTicker(f.ticker())
                .isTaker(f.taker())
                .side(f.side().wireValue())
                .yesPriceDollars(Models.price(f.yesPrice()))
                .countFp(Models.count(f.count()))
                .feeCost(Models.money(f.feeCost()).toPlainString())
                .action(f.action().wireValue())
                .ts(f.createdTime().getEpochSecond())
                .postPositionFp(Models.count(f.postPosition()))
                .purchasedSide(f.purchasedSide().wireValue());
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
                .status(o.status().wireValue())
                .side(o.side().wireValue())
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
        // The spec: fees are "omitted when zero".
        if (o.takerFees() != null && o.takerFees().signum() != 0) {
            msg.takerFeesDollars(Models.money(o.takerFees()));
        }
        if (o.makerFees() != null && o.makerFees().signum() != 0) {
            msg.makerFeesDollars(Models.money(o.makerFees()));
        }
        if (o.selfTradePreventionType() != null) {
            msg.selfTradePreventionType(o.selfTradePreventionType().wireValue());
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

    static OrderGroupUpdatesPayload orderGroup(int sid, int seq, OrderGroupUpdate u) {
        OrderGroupUpdatesPayloadMsg.Builder msg = OrderGroupUpdatesPayloadMsg.builder()
                .eventType(u.type().wireValue())
                .orderGroupId(u.orderGroupId());
        // The spec: the limit is "present for created and limit_updated events only".
        boolean carriesLimit = u.type() == OrderGroupUpdateType.CREATED || u.type() == OrderGroupUpdateType.LIMIT_UPDATED;
        if (carriesLimit && u.contractsLimit() != null) {
            msg.contractsLimitFp(Models.count(u.contractsLimit()));
        }
        return OrderGroupUpdatesPayload.builder().type(OrderGroupUpdatesPayload.TYPE).sid(sid).seq(seq)
                .msg(msg.build()).build();
    }

    private static long centiCents(BigDecimal dollars) {
        return dollars == null ? 0L : dollars.movePointRight(4).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static int wholeContracts(BigDecimal count) {
        return count == null ? 0 : count.setScale(0, RoundingMode.DOWN).intValueExact();
    }
}
