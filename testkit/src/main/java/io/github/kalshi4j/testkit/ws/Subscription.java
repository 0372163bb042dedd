package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.ws.Channel;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subscription of one connection. Confined to the gateway's dispatcher thread, like everything that decides
 * which frame goes where, so no field needs synchronisation.
 *
 * <p>Event positions: every engine event gets an increasing index as the engine emits it. A subscription only
 * carries events emitted after it was created ({@link #createdAfter}), and a market only events emitted after it
 * joined the subscription ({@link #marketFrom}): for an order book that is the position of the snapshot the
 * market's deltas continue, since earlier deltas are already in the snapshot.
 *
 * <p>Every data frame takes the next number of its subscription; only sequenced channels put it on the wire, but
 * the count also gives {@code unsubscribed} its {@code seq}.
 */
final class Subscription {

    final int sid;
    final Channel channel;
    final long createdAfter;
    final boolean skipTickerAck;
    /** Order book only: NO-side prices on the YES leg ({@code use_yes_price}). */
    final boolean useYesPrice;
    /** Index channels: the ids (or Pyth underlyings) named explicitly, in the order added. */
    private final Set<String> indices = new LinkedHashSet<>();
    /** Index channels: {@code ["all"]} is on, so every id is carried whatever {@link #indices} holds. */
    private boolean allIndices;
    /** Null when the subscription covers every market. */
    private final Set<String> markets;
    private final Map<String, Long> marketFrom = new HashMap<>();
    private int seq;
    private int pendingSkip;

    Subscription(int sid, Channel channel, Set<String> markets, long createdAfter, boolean skipTickerAck,
            boolean useYesPrice) {
        this.sid = sid;
        this.channel = channel;
        this.markets = markets == null ? null : new LinkedHashSet<>(markets);
        this.createdAfter = createdAfter;
        this.skipTickerAck = skipTickerAck;
        this.useYesPrice = useYesPrice;
    }

    /**
     * Adds index ids (or underlyings); {@code "all"} turns on all-mode. Ids that are not streamed are accepted, as
     * on Kalshi, where a successful update does not confirm that an id is available.
     */
    void addIndices(List<String> ids) {
        for (String id : ids) {
            if (id.equals("all")) {
                allIndices = true;
            } else {
                indices.add(id);
            }
        }
    }

    /** Removes index ids; {@code "all"} turns all-mode off and leaves the ids named explicitly in place. */
    void removeIndices(List<String> ids) {
        for (String id : ids) {
            if (id.equals("all")) {
                allIndices = false;
            } else {
                indices.remove(id);
            }
        }
    }

    /** The index filter as the update replies report it: {@code ["all"]} in all-mode, else the ids named. */
    List<String> indexFilter() {
        return allIndices ? List.of("all") : List.copyOf(indices);
    }

    /** Whether a value of the index (or underlying) goes out on this subscription. */
    boolean carriesIndex(String id) {
        return allIndices || indices.contains(id);
    }

    boolean coversAllMarkets() {
        return markets == null;
    }

    /** The markets in the order they were added; empty when the subscription covers every market. */
    List<String> markets() {
        return markets == null ? List.of() : List.copyOf(markets);
    }

    boolean hasMarket(String ticker) {
        return markets != null && markets.contains(ticker);
    }

    /** Whether an event on {@code ticker} with this index belongs on this subscription. */
    boolean carries(String ticker, long eventIndex) {
        if (eventIndex <= createdAfter) {
            return false;
        }
        if (markets == null) {
            return true;
        }
        if (!markets.contains(ticker)) {
            return false;
        }
        Long from = marketFrom.get(ticker);
        return from == null || eventIndex > from;
    }

    /**
     * Where this subscription and one for {@code others} (null = every market) would overlap: null when they do
     * not, the first shared ticker, or {@code ""} when one of them covers every market.
     */
    String overlap(Set<String> others) {
        if (markets == null || others == null) {
            return "";
        }
        for (String t : others) {
            if (markets.contains(t)) {
                return t;
            }
        }
        return null;
    }

    void addMarket(String ticker) {
        markets.add(ticker);
    }

    void removeMarket(String ticker) {
        markets.remove(ticker);
        marketFrom.remove(ticker);
    }

    /**
     * Carries events on {@code ticker} only after {@code eventIndex}: the position of the snapshot just sent for an
     * order book, the position of the update that added the market otherwise.
     */
    void marketFrom(String ticker, long eventIndex) {
        marketFrom.put(ticker, eventIndex);
    }

    /**
     * The number of the next frame on this subscription. A pending {@link #skip(int)} makes it jump, which is how
     * the exchange simulates lost frames.
     */
    int nextSeq() {
        seq = seq + 1 + pendingSkip;
        pendingSkip = 0;
        return seq;
    }

    /** The number the subscription would use next, without using it (for {@code unsubscribed}). */
    int peekSeq() {
        return seq + 1 + pendingSkip;
    }

    /** Makes the next frame's {@code seq} jump by {@code n} extra numbers. */
    void skip(int n) {
        pendingSkip += n;
    }
}
