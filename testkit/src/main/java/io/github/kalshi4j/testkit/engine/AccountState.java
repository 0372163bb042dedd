package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable state of one account. */
final class AccountState {
    final Account account;
    BigDecimal cash;
    /** Sum of the positions' reserves, kept so the available balance is O(1). */
    BigDecimal reserved = FixedPoint.ZERO_MONEY;
    Instant updatedTime;
    /** Positions by market ticker, so listings come out in ticker order. */
    final Map<String, PositionState> positions = new TreeMap<>();
    /** Orders by id in creation order. */
    final Map<String, OrderState> orders = new LinkedHashMap<>();
    final Map<String, OrderState> ordersByClientId = new HashMap<>();
    final Map<String, OrderGroupState> groups = new LinkedHashMap<>();
    /** Fills oldest first. */
    final List<Fill> fills = new ArrayList<>();
    /** Settlements oldest first. */
    final List<Settlement> settlements = new ArrayList<>();
    /** Deposits oldest first. */
    final List<CashTransfer> deposits = new ArrayList<>();
    /** Withdrawals oldest first. */
    final List<CashTransfer> withdrawals = new ArrayList<>();

    AccountState(Account account, BigDecimal cash, Instant now) {
        this.account = account;
        this.cash = cash;
        this.updatedTime = now;
    }

    String userId() {
        return account.userId();
    }

    BigDecimal available() {
        return cash.subtract(reserved);
    }

    PositionState position(MarketState market, Instant now) {
        return positions.computeIfAbsent(market.ticker, t -> new PositionState(market, now));
    }

    PositionState existingPosition(MarketState market) {
        return positions.get(market.ticker);
    }
}
