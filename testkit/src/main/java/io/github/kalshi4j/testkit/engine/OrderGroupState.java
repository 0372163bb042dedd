package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Mutable state of an order group: its limit and the contracts matched in the rolling window. */
final class OrderGroupState {
    private static final Duration WINDOW = Duration.ofSeconds(OrderGroup.WINDOW_SECONDS);

    final String id;
    final AccountState account;
    final Instant createdTime;
    final List<OrderState> orders = new ArrayList<>();
    private final Deque<Match> matches = new ArrayDeque<>();
    BigDecimal contractsLimit;
    boolean triggered;

    private record Match(Instant time, BigDecimal count) {
    }

    OrderGroupState(String id, AccountState account, BigDecimal contractsLimit, Instant now) {
        this.id = id;
        this.account = account;
        this.contractsLimit = contractsLimit;
        this.createdTime = now;
    }

    void recordMatch(Instant now, BigDecimal count) {
        matches.addLast(new Match(now, count));
    }

    /** Contracts matched in the {@value OrderGroup#WINDOW_SECONDS} seconds up to {@code now}. */
    BigDecimal matchedInWindow(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!matches.isEmpty() && !matches.peekFirst().time().isAfter(cutoff)) {
            matches.removeFirst();
        }
        BigDecimal sum = FixedPoint.ZERO_COUNT;
        for (Match match : matches) {
            sum = sum.add(match.count());
        }
        return sum;
    }

    /** Contracts the group may still match now, or null when it has no limit. */
    BigDecimal capacity(Instant now) {
        if (contractsLimit == null) {
            return null;
        }
        BigDecimal left = contractsLimit.subtract(matchedInWindow(now));
        return left.signum() > 0 ? left : FixedPoint.ZERO_COUNT;
    }

    boolean limitReached(Instant now) {
        return contractsLimit != null && matchedInWindow(now).compareTo(contractsLimit) >= 0;
    }

    void reset() {
        matches.clear();
        triggered = false;
    }

    OrderGroup snapshot(Instant now) {
        List<String> ids = new ArrayList<>();
        for (OrderState order : orders) {
            ids.add(order.orderId);
        }
        return new OrderGroup(id, account.userId(), contractsLimit, contractsLimit != null, triggered,
                matchedInWindow(now), ids, createdTime);
    }
}
