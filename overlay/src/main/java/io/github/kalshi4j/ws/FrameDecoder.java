package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.ws.model.EventLifecyclePayload;
import io.github.kalshi4j.ws.model.FillPayload;
import io.github.kalshi4j.ws.model.MarketLifecycleV2Payload;
import io.github.kalshi4j.ws.model.MarketPositionPayload;
import io.github.kalshi4j.ws.model.MultivariateLookupPayload;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.QuoteAcceptedPayload;
import io.github.kalshi4j.ws.model.QuoteCreatedPayload;
import io.github.kalshi4j.ws.model.QuoteExecutedPayload;
import io.github.kalshi4j.ws.model.RfqCreatedPayload;
import io.github.kalshi4j.ws.model.RfqDeletedPayload;
import io.github.kalshi4j.ws.model.TickerPayload;
import io.github.kalshi4j.ws.model.TradePayload;
import io.github.kalshi4j.ws.model.UserOrderPayload;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a data frame into its {@link WsMessage} record through the generated payload models. Never
 * throws: a frame of an unknown type, or one that does not fit its model, becomes
 * {@link WsMessage.Unknown} (the latter is also reported, since it means the spec and the server disagree).
 */
final class FrameDecoder {

    @FunctionalInterface
    private interface Wrap<P> {
        WsMessage wrap(long sid, OptionalLong seq, P payload);
    }

    private record Entry<P>(Class<P> type, Wrap<P> wrap) {
        WsMessage decode(ObjectMapper mapper, JsonNode frame, long sid, OptionalLong seq) throws JsonProcessingException {
            return wrap.wrap(sid, seq, mapper.treeToValue(frame, type));
        }
    }

    private static final Map<String, Entry<?>> BY_TYPE;

    static {
        Map<String, Entry<?>> m = new HashMap<>();
        m.put(OrderbookSnapshotPayload.TYPE, new Entry<>(OrderbookSnapshotPayload.class, WsMessage.OrderbookSnapshot::new));
        m.put(OrderbookDeltaPayload.TYPE, new Entry<>(OrderbookDeltaPayload.class, WsMessage.OrderbookDelta::new));
        m.put(TickerPayload.TYPE, new Entry<>(TickerPayload.class, WsMessage.Ticker::new));
        m.put(TradePayload.TYPE, new Entry<>(TradePayload.class, WsMessage.Trade::new));
        m.put(FillPayload.TYPE, new Entry<>(FillPayload.class, WsMessage.Fill::new));
        m.put(MarketPositionPayload.TYPE, new Entry<>(MarketPositionPayload.class, WsMessage.MarketPosition::new));
        m.put(MarketLifecycleV2Payload.TYPE, new Entry<>(MarketLifecycleV2Payload.class, WsMessage.MarketLifecycle::new));
        m.put(EventLifecyclePayload.TYPE, new Entry<>(EventLifecyclePayload.class, WsMessage.EventLifecycle::new));
        m.put(MultivariateLookupPayload.TYPE,
                new Entry<>(MultivariateLookupPayload.class, WsMessage.MultivariateLookup::new));
        m.put(RfqCreatedPayload.TYPE, new Entry<>(RfqCreatedPayload.class, WsMessage.RfqCreated::new));
        m.put(RfqDeletedPayload.TYPE, new Entry<>(RfqDeletedPayload.class, WsMessage.RfqDeleted::new));
        m.put(QuoteCreatedPayload.TYPE, new Entry<>(QuoteCreatedPayload.class, WsMessage.QuoteCreated::new));
        m.put(QuoteAcceptedPayload.TYPE, new Entry<>(QuoteAcceptedPayload.class, WsMessage.QuoteAccepted::new));
        m.put(QuoteExecutedPayload.TYPE, new Entry<>(QuoteExecutedPayload.class, WsMessage.QuoteExecuted::new));
        m.put(OrderGroupUpdatesPayload.TYPE, new Entry<>(OrderGroupUpdatesPayload.class, WsMessage.OrderGroupUpdate::new));
        m.put(UserOrderPayload.TYPE, new Entry<>(UserOrderPayload.class, WsMessage.UserOrder::new));
        BY_TYPE = Collections.unmodifiableMap(m);
    }

    private final ObjectMapper mapper;
    private final Consumer<Throwable> problems;

    FrameDecoder(ObjectMapper mapper, Consumer<Throwable> problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /** The envelope types decoded into a specific record (everything else is {@link WsMessage.Unknown}). */
    static Set<String> knownTypes() {
        return BY_TYPE.keySet();
    }

    WsMessage decode(String type, JsonNode frame) {
        Entry<?> entry = type == null ? null : BY_TYPE.get(type);
        if (entry == null) {
            return new WsMessage.Unknown(frame);
        }
        JsonNode sidNode = frame.get("sid");
        JsonNode seqNode = frame.get("seq");
        long sid = sidNode != null && sidNode.canConvertToLong() ? sidNode.longValue() : 0;
        // Taken from the envelope, not the model: some channels (market_lifecycle_v2) send a seq the spec omits.
        OptionalLong seq = seqNode != null && seqNode.canConvertToLong() ? OptionalLong.of(seqNode.longValue())
                : OptionalLong.empty();
        try {
            return entry.decode(mapper, frame, sid, seq);
        } catch (JsonProcessingException | RuntimeException e) {
            problems.accept(new KalshiWebSocketException("could not decode a " + type + " frame (sid " + sid
                    + "); delivered as WsMessage.Unknown", e));
            return new WsMessage.Unknown(frame);
        }
    }
}
