package io.github.kalshi4j.bench;

import io.github.kalshi4j.testkit.engine.FeeType;
import io.github.kalshi4j.testkit.engine.MarketStatus;
import io.github.kalshi4j.testkit.engine.Seed;
import io.github.kalshi4j.testkit.engine.SeedTime;
import io.github.kalshi4j.testkit.engine.SettlementSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds for the benchmark exchange, built programmatically through the {@link Seed} API: one series, events of
 * 1,000 markets each, one member. Markets carry realistic text (titles, rules, strikes) so that a page of 1,000
 * is about the size of a real one; prices vary deterministically.
 */
final class BenchSeeds {

    static final String MEMBER = "bench-member";
    static final String KEY_ID = "bench-key-0001";
    static final int MARKETS_PER_EVENT = 1000;

    private BenchSeeds() {
    }

    /** A seed with {@code markets} active markets. */
    static Seed markets(int markets) {
        List<Seed.SeriesSpec> series = List.of(new Seed.SeriesSpec("KXBENCH", "Gold price (15 minutes)", "Financials",
                "fifteen_min", List.of("Gold", "Commodities"), FeeType.QUADRATIC, BigDecimal.ONE,
                List.of(new SettlementSource("CME", "https://www.cmegroup.com/")),
                "https://kalshi.com/contracts/kxbench.pdf", "https://kalshi.com/contracts/terms.pdf"));
        int eventCount = (markets + MARKETS_PER_EVENT - 1) / MARKETS_PER_EVENT;
        List<Seed.EventSpec> events = new ArrayList<>(eventCount);
        for (int e = 0; e < eventCount; e++) {
            events.add(new Seed.EventSpec(eventTicker(e), "KXBENCH", "Gold price on " + (e + 1) + " at 9:30pm EDT?",
                    "Gold " + (e + 1), null, true, SeedTime.relative(Duration.ofDays(30)), "fifteen_min", "MECNET",
                    null));
        }
        SeedTime open = SeedTime.relative(Duration.ofDays(-1));
        SeedTime close = SeedTime.relative(Duration.ofDays(30));
        SeedTime expected = SeedTime.relative(Duration.ofDays(30).plusMinutes(5));
        List<Seed.MarketSpec> list = new ArrayList<>(markets);
        for (int i = 0; i < markets; i++) {
            int e = i / MARKETS_PER_EVENT;
            int strike = 2500 + (i % MARKETS_PER_EVENT) * 5;
            BigDecimal last = BigDecimal.valueOf(1 + (i * 37L) % 98, 2);
            list.add(new Seed.MarketSpec(marketTicker(e, i % MARKETS_PER_EVENT), eventTicker(e), null,
                    "$" + strike + " or above", "$" + strike + " or above", "Below $" + strike,
                    MarketStatus.ACTIVE, null, open, open, close, close, expected,
                    "If the price of gold is above $" + strike + " per troy ounce at 9:30 PM EDT, then the market "
                            + "resolves to Yes.",
                    "The market settles on the COMEX front-month gold futures price as published by CME.",
                    true, true, "linear_cent", "greater", BigDecimal.valueOf(strike), null, 300, last, null,
                    List.of(), List.of()));
        }
        List<Seed.AccountSpec> accounts = List.of(new Seed.AccountSpec(MEMBER, KEY_ID, null,
                new BigDecimal("100000.00"), "premier", "Bench member"));
        return new Seed(series, events, List.of(), list, accounts, null);
    }

    static String eventTicker(int e) {
        return String.format("KXBENCH-26AUG%05d", e);
    }

    static String marketTicker(int e, int m) {
        return String.format("KXBENCH-26AUG%05d-T%04d", e, m);
    }
}
