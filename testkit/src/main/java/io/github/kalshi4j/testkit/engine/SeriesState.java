package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A series and the events that belong to it. */
final class SeriesState {
    final Seed.SeriesSpec spec;
    final List<EventState> events = new ArrayList<>();

    SeriesState(Seed.SeriesSpec spec) {
        this.spec = spec;
    }

    Series snapshot() {
        BigDecimal volume = FixedPoint.ZERO_COUNT;
        for (EventState event : events) {
            for (MarketState market : event.markets) {
                volume = volume.add(market.volume);
            }
        }
        return new Series(spec.ticker(), spec.title(), spec.category(), spec.frequency(), spec.tags(),
                spec.feeType(), spec.feeMultiplier(), spec.settlementSources(), spec.contractUrl(),
                spec.contractTermsUrl(), volume);
    }
}
