package io.github.kalshi4j.testkit.engine;

import java.util.ArrayList;
import java.util.List;

/** Records every event with a short label, in delivery order. */
final class RecordingListener implements ExchangeListener {
    final List<Object> events = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    @Override
    public void onOrderbookDelta(OrderbookDelta delta) {
        record("delta " + delta.side().wire() + " " + delta.price() + " " + delta.delta() + " -> " + delta.levelTotal(), delta);
    }

    @Override
    public void onTrade(Trade trade) {
        record("trade " + trade.count() + " @ " + trade.yesPrice(), trade);
    }

    @Override
    public void onFill(Fill fill) {
        record("fill " + (fill.taker() ? "taker" : "maker") + " " + fill.count(), fill);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        record("order " + update.type() + " " + update.order().status().value(), update);
    }

    @Override
    public void onPositionChange(MarketPosition position) {
        record("position " + position.position(), position);
    }

    @Override
    public void onOrderGroupUpdate(OrderGroupUpdate update) {
        record("group " + update.type(), update);
    }

    @Override
    public void onMarketLifecycle(MarketLifecycleEvent event) {
        record("lifecycle " + event.type(), event);
    }

    private void record(String label, Object event) {
        labels.add(label);
        events.add(event);
    }

    void clear() {
        labels.clear();
        events.clear();
    }
}
