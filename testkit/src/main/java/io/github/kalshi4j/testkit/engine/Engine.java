package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exchange's state and its state transitions. Not thread-safe: {@link Exchange} calls it under
 * its lock. Every operation validates completely before it changes anything, so a thrown
 * {@link ExchangeException} means nothing changed.
 */
final class Engine {
    final Clock clock;
    final IdGenerator ids;
    final EventSink sink;
    final Map<String, SeriesState> series = new LinkedHashMap<>();
    final Map<String, EventState> events = new LinkedHashMap<>();
    final Map<String, MultivariateCollection> collections = new LinkedHashMap<>();
    final Map<String, MarketState> markets = new LinkedHashMap<>();
    /** The markets in listing order, for windows of the listing by index. */
    final List<MarketState> marketList = new ArrayList<>();
    final Map<String, AccountState> accounts = new LinkedHashMap<>();
    final Map<String, AccountState> accountsByApiKey = new HashMap<>();
    /** Every trade, oldest first. */
    final List<Trade> trades = new ArrayList<>();
    /** Every event fee change, in seed order. */
    final List<EventFeeChange> feeChanges = new ArrayList<>();
    /** Resting orders that carry an expiration time. */
    private final Set<OrderState> expiring = new LinkedHashSet<>();
    boolean tradingActive = true;
    private long sequence;
    /** No market opens or closes by its schedule before this instant; null until the next full scan. */
    private Instant scheduleQuietUntil;

    Engine(Seed seed, Clock clock, IdGenerator ids, EventSink sink) {
        this.clock = clock;
        this.ids = ids;
        this.sink = sink;
        Instant start = clock.instant();
        for (Seed.SeriesSpec spec : seed.series()) {
            series.put(spec.ticker(), new SeriesState(spec));
        }
        for (Seed.EventSpec spec : seed.events()) {
            SeriesState owner = series.get(spec.seriesTicker());
            EventState event = new EventState(spec, owner, spec.strikeDate() == null ? null : spec.strikeDate().resolve(start),
                    clock);
            owner.events.add(event);
            events.put(spec.eventTicker(), event);
        }
        for (Seed.CollectionSpec spec : seed.multivariateCollections()) {
            collections.put(spec.collectionTicker(), new MultivariateCollection(spec.collectionTicker(),
                    spec.seriesTicker(), spec.title(), spec.description(), spec.openDate().resolve(start),
                    spec.closeDate().resolve(start), spec.associatedEventTickers(), spec.ordered(), spec.allYes(),
                    spec.singleMarketPerEvent(), spec.sizeMin(), spec.sizeMax(), spec.functionalDescription()));
        }
        for (Seed.MarketSpec spec : seed.markets()) {
            EventState event = events.get(spec.eventTicker());
            MarketState market = new MarketState(spec, event, start);
            event.markets.add(market);
            markets.put(spec.ticker(), market);
            marketList.add(market);
        }
        for (Seed.AccountSpec spec : seed.accounts()) {
            AccountState account = addAccount(spec);
            history(account, spec.deposits(), account.deposits, "deposit", start);
            history(account, spec.withdrawals(), account.withdrawals, "withdrawal", start);
        }
        List<Seed.FeeChangeSpec> changes = seed.eventFeeChanges();
        for (int i = 0; i < changes.size(); i++) {
            Seed.FeeChangeSpec spec = changes.get(i);
            EventState event = events.get(spec.eventTicker());
            EventFeeChange change = new EventFeeChange(stableId("event-fee-change", spec.eventTicker(), i),
                    spec.eventTicker(), event.series.spec.ticker(), spec.feeTypeOverride(), spec.feeMultiplierOverride(),
                    spec.scheduled().resolve(start));
            feeChanges.add(change);
            event.feeChanges.add(change);
            event.feeChanges.sort(java.util.Comparator.comparing(EventFeeChange::scheduledTime));
        }
        placeInitialLiquidity(seed);
        for (MarketState market : markets.values()) {
            market.capturePrevious();
        }
    }

    private void placeInitialLiquidity(Seed seed) {
        for (Seed.MarketSpec spec : seed.markets()) {
            if (spec.initialLiquidity().isEmpty()) {
                continue;
            }
            AccountState owner = accounts.get(seed.liquidityAccount());
            for (Seed.LiquiditySpec bid : spec.initialLiquidity()) {
                NewOrder order = NewOrder.builder(spec.ticker(), bid.side(), Action.BUY)
                        .count(bid.count())
                        .price(bid.price())
                        .postOnly(true)
                        .build();
                try {
                    placeOrder(owner, order);
                } catch (ExchangeException e) {
                    throw new IllegalArgumentException("invalid seed: initial liquidity of market " + spec.ticker()
                            + " (" + bid.side().wire() + " " + bid.count() + " @ " + bid.price() + "): "
                            + e.code() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** A UUID-shaped id that is the same for the same seed on every run. */
    private static String stableId(String kind, String owner, int index) {
        return java.util.UUID.nameUUIDFromBytes(("kalshi4j-" + kind + ":" + owner + ":" + index)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private void history(AccountState account, List<Seed.TransferSpec> specs, List<CashTransfer> into, String kind,
            Instant start) {
        for (int i = 0; i < specs.size(); i++) {
            Seed.TransferSpec t = specs.get(i);
            into.add(new CashTransfer(t.id() != null ? t.id() : stableId(kind, account.userId(), i), account.userId(),
                    t.status(), t.type(), FixedPoint.money(t.amount()), FixedPoint.money(t.fee()), t.created().resolve(start),
                    t.finalized() == null ? null : t.finalized().resolve(start), nextSequence()));
        }
    }

    Instant now() {
        return clock.instant();
    }

    long nextSequence() {
        return ++sequence;
    }

    // ---------------------------------------------------------------- lookups

    AccountState account(String userId) {
        AccountState account = userId == null ? null : accounts.get(userId);
        if (account == null) {
            throw new ExchangeException(ErrorCode.ACCOUNT_NOT_FOUND, "no account with member id '" + userId + "'");
        }
        return account;
    }

    MarketState market(String ticker) {
        if (ticker == null || ticker.isBlank()) {
            throw ExchangeException.invalid("ticker is required");
        }
        MarketState market = markets.get(ticker);
        if (market == null) {
            throw new ExchangeException(ErrorCode.MARKET_NOT_FOUND, "no market with ticker '" + ticker + "'");
        }
        return market;
    }

    OrderState order(AccountState account, String orderId) {
        OrderState order = orderId == null ? null : account.orders.get(orderId);
        if (order == null) {
            throw new ExchangeException(ErrorCode.ORDER_NOT_FOUND, "no order '" + orderId + "' for this account");
        }
        return order;
    }

    OrderGroupState group(AccountState account, String groupId) {
        OrderGroupState group = groupId == null ? null : account.groups.get(groupId);
        if (group == null) {
            throw new ExchangeException(ErrorCode.ORDER_GROUP_NOT_FOUND, "no order group '" + groupId + "' for this account");
        }
        return group;
    }

    // ---------------------------------------------------------------- accounts

    AccountState addAccount(Seed.AccountSpec spec) {
        if (accounts.containsKey(spec.userId())) {
            throw ExchangeException.invalid("an account with member id '" + spec.userId() + "' exists");
        }
        if (accountsByApiKey.containsKey(spec.apiKeyId())) {
            throw ExchangeException.invalid("an account with API key id '" + spec.apiKeyId() + "' exists");
        }
        if (spec.balance().signum() < 0) {
            throw ExchangeException.invalid("balance must not be negative");
        }
        Account identity = new Account(spec.userId(), spec.apiKeyId(), spec.publicKeyPem(),
                spec.tier() == null ? "basic" : spec.tier(), spec.name() == null ? spec.userId() : spec.name());
        AccountState account = new AccountState(identity, spec.balance(), now());
        accounts.put(identity.userId(), account);
        accountsByApiKey.put(identity.apiKeyId(), account);
        return account;
    }

    void deposit(AccountState account, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw ExchangeException.invalid("deposit amount must be positive");
        }
        account.cash = account.cash.add(amount);
        account.updatedTime = now();
        account.deposits.add(new CashTransfer(ids.nextId(IdKind.DEPOSIT), account.userId(), "applied", "ach",
                FixedPoint.money(amount), FixedPoint.ZERO_MONEY, account.updatedTime, account.updatedTime, nextSequence()));
    }

    /** Cancels every resting order of the account, oldest first; returns what each cancel removed. */
    List<CancelResult> cancelAll(AccountState account) {
        List<CancelResult> results = new ArrayList<>();
        Instant now = now();
        for (OrderState order : new ArrayList<>(account.orders.values())) {
            if (order.isResting()) {
                BigDecimal reduced = cancelResting(order, now);
                results.add(new CancelResult(order.snapshot(), reduced));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- time-driven changes

    /** Expires orders and opens/closes markets whose scheduled time has come. */
    void housekeeping() {
        Instant now = now();
        for (OrderState order : new ArrayList<>(expiring)) {
            if (!order.expirationTime.isAfter(now)) {
                cancelResting(order, now);
            }
        }
        // A scan of every market per call would make each call cost O(markets); the scan remembers when the next
        // scheduled change is due, and openMarket/pauseMarket (the only changes that can make one due) reset it.
        if (scheduleQuietUntil != null && now.isBefore(scheduleQuietUntil)) {
            return;
        }
        Instant next = Instant.MAX;
        for (MarketState market : markets.values()) {
            if (market.status == MarketStatus.INITIALIZED && !now.isBefore(market.openTime)) {
                market.status = MarketStatus.ACTIVE;
                lifecycle(market, MarketLifecycleType.ACTIVATED, now);
            }
            if ((market.status == MarketStatus.ACTIVE || market.status == MarketStatus.INACTIVE)
                    && !now.isBefore(market.closeTime)) {
                close(market, now);
            }
            Instant due = market.status == MarketStatus.INITIALIZED ? market.openTime
                    : market.status == MarketStatus.ACTIVE || market.status == MarketStatus.INACTIVE
                    ? market.closeTime : null;
            if (due != null && due.isBefore(next)) {
                next = due;
            }
        }
        scheduleQuietUntil = next;
    }

    // ---------------------------------------------------------------- order entry

    /** A resting order of the book the incoming order will trade against. */
    private record PlannedFill(OrderState maker, BigDecimal count, BigDecimal makerPrice) {
    }

    /** What an incoming order would do, computed without changing anything. */
    private static final class Plan {
        final List<PlannedFill> fills = new ArrayList<>();
        final List<OrderState> selfTradeCancels = new ArrayList<>();
        BigDecimal filled = FixedPoint.ZERO_COUNT;
        /** What the taker pays for its fills (fees excluded). */
        BigDecimal takerCost = FixedPoint.ZERO_MONEY;
        boolean stoppedBySelfTrade;
        boolean stoppedByGroupLimit;
    }

    OrderState placeOrder(AccountState account, NewOrder request) {
        if (request == null) {
            throw ExchangeException.invalid("order request is required");
        }
        Instant now = now();
        MarketState market = market(request.ticker());
        requireTradable(market);
        if (request.side() == null || request.action() == null) {
            throw ExchangeException.invalid("side and action are required");
        }
        Side side = request.side();
        Action action = request.action();
        OrderType type = request.type() == null ? OrderType.LIMIT : request.type();
        Side bookSide = OrderState.bookSide(side, action);
        BigDecimal count = validCount(market, request.count(), "count");
        BigDecimal yesPrice = limitYesPrice(market, request.yesPrice(), request.noPrice(), type, bookSide);
        BigDecimal bookPrice = bookSide == Side.YES ? yesPrice : FixedPoint.ONE_DOLLAR.subtract(yesPrice);
        TimeInForce timeInForce = request.timeInForce() == null ? TimeInForce.GOOD_TILL_CANCELED : request.timeInForce();

        if (request.expirationTime() != null && timeInForce != TimeInForce.GOOD_TILL_CANCELED) {
            throw ExchangeException.invalid("expiration_ts can only be combined with good_till_canceled");
        }
        if (request.postOnly() && (timeInForce != TimeInForce.GOOD_TILL_CANCELED || type == OrderType.MARKET)) {
            throw ExchangeException.invalid("post_only needs a good_till_canceled limit order");
        }
        if (request.buyMaxCostCents() != null) {
            if (action != Action.BUY) {
                throw ExchangeException.invalid("buy_max_cost only applies to buy orders");
            }
            if (request.buyMaxCostCents() <= 0) {
                throw ExchangeException.invalid("buy_max_cost must be a positive number of cents");
            }
        }
        String clientOrderId = blankToNull(request.clientOrderId());
        if (clientOrderId != null && account.ordersByClientId.containsKey(clientOrderId)) {
            throw new ExchangeException(ErrorCode.ORDER_ALREADY_EXISTS,
                    "an order with client_order_id '" + clientOrderId + "' already exists");
        }
        OrderGroupState group = null;
        if (blankToNull(request.orderGroupId()) != null) {
            group = group(account, request.orderGroupId());
            if (group.triggered) {
                throw new ExchangeException(ErrorCode.ORDER_GROUP_TRIGGERED,
                        "order group '" + group.id + "' hit its limit; reset it before placing orders");
            }
        }
        PositionState position = account.existingPosition(market);
        if (request.reduceOnly()) {
            BigDecimal reducible = Ledger.holdings(position == null ? FixedPoint.ZERO_COUNT : position.position,
                    bookSide.opposite());
            if (reducible.signum() == 0) {
                throw new ExchangeException(ErrorCode.REDUCE_ONLY_WOULD_INCREASE_POSITION,
                        "reduce_only order has no " + bookSide.opposite().wire() + " position to reduce");
            }
            count = count.min(reducible);
        }
        if (request.postOnly() && crosses(market, bookSide, bookPrice)) {
            throw new ExchangeException(ErrorCode.POST_ONLY_CROSS, "post-only order would cross the book");
        }
        SelfTradePreventionType stp = request.selfTradePreventionType() == null
                ? SelfTradePreventionType.TAKER_AT_CROSS : request.selfTradePreventionType();
        Plan plan = plan(account, market, bookSide, bookPrice, count, stp, group, now);

        boolean fillOrKill = timeInForce == TimeInForce.FILL_OR_KILL || request.buyMaxCostCents() != null;
        if (fillOrKill && plan.filled.compareTo(count) < 0) {
            throw new ExchangeException(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME,
                    "only " + plan.filled + " of " + count + " contracts can fill immediately");
        }
        // buy_max_cost caps what the contracts cost, fees excluded: spec 3.13 says only "maximum cost in cents" (with
        // fill-or-kill behaviour) and nothing we know of says Kalshi counts fees; the README states the choice.
        if (request.buyMaxCostCents() != null
                && plan.takerCost.compareTo(FixedPoint.fromCents(request.buyMaxCostCents())) > 0) {
            throw new ExchangeException(ErrorCode.FILL_OR_KILL_INSUFFICIENT_RESTING_VOLUME,
                    "filling " + count + " contracts costs $" + FixedPoint.money(plan.takerCost)
                            + ", more than buy_max_cost " + request.buyMaxCostCents() + " cents");
        }
        // Kalshi treats an expiration time that has already passed like immediate-or-cancel.
        boolean immediate = timeInForce != TimeInForce.GOOD_TILL_CANCELED
                || type == OrderType.MARKET
                || request.expirationTime() != null && !request.expirationTime().isAfter(now);
        BigDecimal remainder = count.subtract(plan.filled);
        boolean rests = remainder.signum() > 0 && !immediate && !plan.stoppedBySelfTrade && !plan.stoppedByGroupLimit;
        checkBalance(account, market, position, bookSide, bookPrice, plan, rests ? remainder : null, null);

        OrderState order = new OrderState(ids.nextId(IdKind.ORDER), account, market, request, side, action, type,
                yesPrice, count, timeInForce, group, now, nextSequence());
        order.clientOrderId = clientOrderId;
        account.orders.put(order.orderId, order);
        if (clientOrderId != null) {
            account.ordersByClientId.put(clientOrderId, order);
        }
        if (group != null) {
            group.orders.add(order);
        }
        account.position(market, now);
        commit(order, plan, now);
        finishTaker(order, rests, now);
        emitOrder(OrderUpdateType.CREATED, order);
        triggerGroupsAtLimit(order, plan, now);
        return order;
    }

    AmendResult amend(AccountState account, String orderId, OrderAmendment request) {
        OrderState order = order(account, orderId);
        requireResting(order);
        if (request == null) {
            throw ExchangeException.invalid("amend request is required");
        }
        MarketState market = order.market;
        if (!market.ticker.equals(request.ticker()) || order.side != request.side() || order.action != request.action()) {
            throw ExchangeException.invalid("ticker, side and action must match the order ("
                    + market.ticker + ", " + order.side.wire() + ", " + order.action.wireValue() + ")");
        }
        requireTradable(market);
        String expectedClientId = blankToNull(request.clientOrderId());
        if (expectedClientId != null && !expectedClientId.equals(order.clientOrderId)) {
            throw ExchangeException.invalid("client_order_id '" + expectedClientId + "' does not match the order");
        }
        String newClientId = blankToNull(request.updatedClientOrderId());
        if (newClientId != null && !newClientId.equals(order.clientOrderId) && account.ordersByClientId.containsKey(newClientId)) {
            throw new ExchangeException(ErrorCode.ORDER_ALREADY_EXISTS,
                    "an order with client_order_id '" + newClientId + "' already exists");
        }
        if ((request.yesPrice() == null) == (request.noPrice() == null)) {
            throw ExchangeException.invalid("exactly one of yes_price and no_price is required");
        }
        BigDecimal newYes = limitYesPrice(market, request.yesPrice(), request.noPrice(), OrderType.LIMIT, order.bookSide());
        BigDecimal newTotal = request.count() == null
                ? order.fillCount.add(order.remainingCount)
                : validCount(market, request.count(), "count");
        BigDecimal newRemaining = newTotal.subtract(order.fillCount);
        if (newRemaining.signum() <= 0) {
            throw ExchangeException.invalid("count " + newTotal + " must exceed the filled count " + order.fillCount);
        }
        Instant now = now();
        Order old = order.snapshot();
        boolean priceChanged = newYes.compareTo(order.yesPrice) != 0;
        boolean grows = newRemaining.compareTo(order.remainingCount) > 0;

        if (!priceChanged && !grows) {
            // Shrinking at the same price keeps the order's place in the queue.
            BigDecimal by = order.remainingCount.subtract(newRemaining);
            order.remainingCount = newRemaining;
            order.initialCount = newTotal;
            renameClientOrderId(account, order, newClientId);
            order.lastUpdateTime = now;
            if (by.signum() > 0) {
                BigDecimal total = market.book(order.bookSide()).reduce(order, by);
                emitDelta(order, order.bookPrice(), by.negate(), total, now);
                Ledger.recomputeReserve(account, account.position(market, now));
            }
            emitOrder(OrderUpdateType.UPDATED, order);
            return new AmendResult(old, order.snapshot());
        }

        // A new price or a larger size sends the order to the back of the queue, matching first.
        Side bookSide = order.bookSide();
        BigDecimal newBookPrice = bookSide == Side.YES ? newYes : FixedPoint.ONE_DOLLAR.subtract(newYes);
        if (order.postOnly && crosses(market, bookSide, newBookPrice)) {
            throw new ExchangeException(ErrorCode.POST_ONLY_CROSS, "amended post-only order would cross the book");
        }
        Plan plan = plan(account, market, bookSide, newBookPrice, newRemaining, order.effectiveSelfTradePrevention(),
                order.group, now);
        BigDecimal remainder = newRemaining.subtract(plan.filled);
        boolean rests = remainder.signum() > 0 && !plan.stoppedBySelfTrade && !plan.stoppedByGroupLimit;
        PositionState position = account.existingPosition(market);
        checkBalance(account, market, position, bookSide, newBookPrice, plan, rests ? remainder : null, order);

        BigDecimal removed = order.remainingCount;
        BigDecimal oldPrice = order.bookPrice();
        BigDecimal total = market.book(bookSide).remove(order);
        unregisterResting(order);
        emitDelta(order, oldPrice, removed.negate(), total, now);
        order.yesPrice = newYes;
        order.initialCount = newTotal;
        order.remainingCount = newRemaining;
        renameClientOrderId(account, order, newClientId);
        order.lastUpdateTime = now;
        commit(order, plan, now);
        finishTaker(order, rests, now);
        emitOrder(order.status == OrderStatus.RESTING ? OrderUpdateType.UPDATED
                : order.status == OrderStatus.EXECUTED ? OrderUpdateType.EXECUTED : OrderUpdateType.CANCELED, order);
        triggerGroupsAtLimit(order, plan, now);
        return new AmendResult(old, order.snapshot());
    }

    OrderState decrease(AccountState account, String orderId, OrderDecrease request) {
        OrderState order = order(account, orderId);
        requireResting(order);
        if (request == null || (request.reduceBy() == null) == (request.reduceTo() == null)) {
            throw ExchangeException.invalid("exactly one of reduce_by and reduce_to is required");
        }
        BigDecimal newRemaining;
        if (request.reduceBy() != null) {
            BigDecimal by = validCount(order.market, request.reduceBy(), "reduce_by");
            newRemaining = order.remainingCount.subtract(by).max(FixedPoint.ZERO_COUNT);
        } else {
            BigDecimal to = FixedPoint.count(request.reduceTo());
            if (to.signum() < 0) {
                throw ExchangeException.invalid("reduce_to must not be negative");
            }
            if (to.signum() > 0) {
                validCount(order.market, to, "reduce_to");
            }
            if (to.compareTo(order.remainingCount) > 0) {
                throw ExchangeException.invalid("reduce_to " + to + " exceeds the remaining count " + order.remainingCount);
            }
            newRemaining = to;
        }
        Instant now = now();
        if (newRemaining.signum() == 0) {
            cancelResting(order, now);
            return order;
        }
        BigDecimal by = order.remainingCount.subtract(newRemaining);
        if (by.signum() > 0) {
            order.remainingCount = newRemaining;
            order.lastUpdateTime = now;
            BigDecimal total = order.market.book(order.bookSide()).reduce(order, by);
            emitDelta(order, order.bookPrice(), by.negate(), total, now);
            Ledger.recomputeReserve(account, account.position(order.market, now));
            emitOrder(OrderUpdateType.UPDATED, order);
        }
        return order;
    }

    CancelResult cancel(AccountState account, String orderId) {
        OrderState order = order(account, orderId);
        requireResting(order);
        BigDecimal reduced = cancelResting(order, now());
        return new CancelResult(order.snapshot(), reduced);
    }

    /** Removes a resting order from the book and releases its reserve; returns the contracts removed. */
    BigDecimal cancelResting(OrderState order, Instant now) {
        BigDecimal reduced = order.remainingCount;
        BigDecimal price = order.bookPrice();
        BigDecimal total = order.market.book(order.bookSide()).remove(order);
        order.remainingCount = FixedPoint.ZERO_COUNT;
        order.status = OrderStatus.CANCELED;
        order.lastUpdateTime = now;
        unregisterResting(order);
        emitDelta(order, price, reduced.negate(), total, now);
        emitOrder(OrderUpdateType.CANCELED, order);
        return reduced;
    }

    private Plan plan(AccountState taker, MarketState market, Side bookSide, BigDecimal bookPrice, BigDecimal count,
            SelfTradePreventionType stp, OrderGroupState takerGroup, Instant now) {
        Plan plan = new Plan();
        Map<OrderGroupState, BigDecimal> groupCapacity = new HashMap<>();
        BigDecimal takerCapacity = takerGroup == null ? null : takerGroup.capacity(now);
        BigDecimal remaining = count;
        if (takerCapacity != null && takerCapacity.signum() == 0) {
            plan.stoppedByGroupLimit = true;
            return plan;
        }
        outer:
        for (BookSide.Level level : market.book(bookSide.opposite()).levels()) {
            if (level.price.add(bookPrice).compareTo(BigDecimal.ONE) < 0) {
                break;
            }
            for (OrderState maker : level.orders.values()) {
                if (remaining.signum() == 0) {
                    break outer;
                }
                if (maker.account == taker) {
                    if (stp == SelfTradePreventionType.MAKER) {
                        plan.selfTradeCancels.add(maker);
                        continue;
                    }
                    plan.stoppedBySelfTrade = true;
                    break outer;
                }
                BigDecimal quantity = remaining.min(maker.remainingCount);
                BigDecimal makerCapacity = null;
                if (maker.group != null) {
                    makerCapacity = groupCapacity.containsKey(maker.group)
                            ? groupCapacity.get(maker.group) : maker.group.capacity(now);
                    if (makerCapacity != null) {
                        quantity = quantity.min(makerCapacity);
                    }
                }
                if (takerCapacity != null) {
                    quantity = quantity.min(takerCapacity);
                }
                if (quantity.signum() == 0) {
                    // The maker's group is used up: the group triggers and cancels this order.
                    continue;
                }
                plan.fills.add(new PlannedFill(maker, quantity, level.price));
                plan.filled = plan.filled.add(quantity);
                plan.takerCost = plan.takerCost.add(quantity.multiply(BigDecimal.ONE.subtract(level.price)));
                remaining = remaining.subtract(quantity);
                if (makerCapacity != null) {
                    groupCapacity.put(maker.group, makerCapacity.subtract(quantity));
                }
                if (takerCapacity != null) {
                    takerCapacity = takerCapacity.subtract(quantity);
                    if (takerCapacity.signum() == 0 && remaining.signum() > 0) {
                        plan.stoppedByGroupLimit = true;
                        break outer;
                    }
                }
            }
        }
        return plan;
    }

    /**
     * Rejects the order unless the account can pay for its planned fills and fees and still cover
     * the reserve of its resting orders (including the new remainder) afterwards.
     */
    private void checkBalance(AccountState account, MarketState market, PositionState position, Side bookSide,
            BigDecimal bookPrice, Plan plan, BigDecimal restingRemainder, OrderState replacing) {
        FeeTerms fees = market.feeTerms();
        BigDecimal signed = position == null ? FixedPoint.ZERO_COUNT : position.position;
        BigDecimal cashDelta = BigDecimal.ZERO;
        // The same per-order rounding executeFill charges: the rounded-up accrued fee minus what was charged.
        BigDecimal accrued = replacing == null ? BigDecimal.ZERO : replacing.takerFeeAccrued;
        BigDecimal charged = replacing == null ? FixedPoint.ZERO_MONEY : replacing.takerFees;
        for (PlannedFill fill : plan.fills) {
            BigDecimal price = BigDecimal.ONE.subtract(fill.makerPrice());
            BigDecimal closed = fill.count().min(Ledger.holdings(signed, bookSide.opposite()));
            BigDecimal raw = Fees.rawTakerFee(fees.type(), fees.multiplier(), fill.count(), fill.makerPrice());
            BigDecimal fee = Fees.charge(accrued, raw, charged);
            accrued = accrued.add(raw);
            charged = charged.add(fee);
            cashDelta = cashDelta.subtract(fill.count().multiply(price)).add(closed).subtract(fee);
            signed = bookSide == Side.YES ? signed.add(fill.count()) : signed.subtract(fill.count());
        }
        List<Ledger.Bid> bids = new ArrayList<>();
        if (position != null) {
            for (OrderState resting : position.resting) {
                if (resting != replacing && !plan.selfTradeCancels.contains(resting)) {
                    bids.add(Ledger.bidOf(resting, resting.remainingCount));
                }
            }
        }
        if (restingRemainder != null) {
            bids.add(replacing == null ? new Ledger.Bid(bookSide, bookPrice, restingRemainder)
                    : new Ledger.Bid(bookSide, bookPrice, restingRemainder, replacing.makerFeeAccrued, replacing.makerFees));
        }
        BigDecimal oldReserve = position == null ? FixedPoint.ZERO_MONEY : position.reserve;
        BigDecimal newReserve = Ledger.reserve(signed, bids, fees);
        BigDecimal availableAfter = account.cash.add(cashDelta).subtract(account.reserved.subtract(oldReserve).add(newReserve));
        if (availableAfter.signum() < 0) {
            BigDecimal needed = account.available().subtract(availableAfter);
            throw new ExchangeException(ErrorCode.INSUFFICIENT_BALANCE, "order needs $" + FixedPoint.money(needed)
                    + " but only $" + FixedPoint.money(account.available()) + " is available");
        }
    }

    private void commit(OrderState taker, Plan plan, Instant now) {
        for (OrderState maker : plan.selfTradeCancels) {
            cancelResting(maker, now);
        }
        for (PlannedFill fill : plan.fills) {
            executeFill(taker, fill, now);
        }
    }

    private void executeFill(OrderState taker, PlannedFill planned, Instant now) {
        MarketState market = taker.market;
        FeeTerms fees = market.feeTerms();
        OrderState maker = planned.maker();
        BigDecimal count = planned.count();
        BigDecimal makerPrice = planned.makerPrice();
        Side makerSide = maker.bookSide();
        BigDecimal yesPrice = makerSide == Side.YES ? makerPrice : FixedPoint.ONE_DOLLAR.subtract(makerPrice);
        BigDecimal noPrice = FixedPoint.ONE_DOLLAR.subtract(yesPrice);
        // Fees round up per order: each fill is charged the rounded-up accrued total minus what the order paid so far.
        BigDecimal takerRaw = Fees.rawTakerFee(fees.type(), fees.multiplier(), count, makerPrice);
        BigDecimal makerRaw = Fees.rawMakerFee(fees.type(), fees.multiplier(), count, makerPrice);
        BigDecimal takerFee = Fees.charge(taker.takerFeeAccrued, takerRaw, taker.takerFees);
        BigDecimal makerFee = Fees.charge(maker.makerFeeAccrued, makerRaw, maker.makerFees);
        taker.takerFeeAccrued = taker.takerFeeAccrued.add(takerRaw);
        maker.makerFeeAccrued = maker.makerFeeAccrued.add(makerRaw);
        BigDecimal makerOwnPrice = maker.side == Side.YES ? yesPrice : noPrice;
        BigDecimal takerOwnPrice = taker.side == Side.YES ? yesPrice : noPrice;

        maker.remainingCount = maker.remainingCount.subtract(count);
        maker.fillCount = maker.fillCount.add(count);
        maker.makerFillCost = maker.makerFillCost.add(count.multiply(makerOwnPrice));
        maker.makerFees = maker.makerFees.add(makerFee);
        maker.lastUpdateTime = now;
        BigDecimal levelTotal = market.book(makerSide).reduce(maker, count);
        if (maker.remainingCount.signum() == 0) {
            maker.status = OrderStatus.EXECUTED;
            unregisterResting(maker);
        }

        taker.remainingCount = taker.remainingCount.subtract(count);
        taker.fillCount = taker.fillCount.add(count);
        taker.takerFillCost = taker.takerFillCost.add(count.multiply(takerOwnPrice));
        taker.takerFees = taker.takerFees.add(takerFee);
        taker.lastUpdateTime = now;

        Trade trade = new Trade(ids.nextId(IdKind.TRADE), market.ticker, count, yesPrice, noPrice,
                taker.bookSide(), now, nextSequence());
        market.trades.add(trade);
        trades.add(trade);
        market.lastPrice = yesPrice;
        market.volume = market.volume.add(count);

        PositionState takerPosition = Ledger.applyFill(taker.account, market, taker.bookSide(), count,
                FixedPoint.ONE_DOLLAR.subtract(makerPrice), takerFee, takerOwnPrice, now);
        PositionState makerPosition = Ledger.applyFill(maker.account, market, makerSide, count,
                makerPrice, makerFee, makerOwnPrice, now);
        Ledger.recomputeReserve(maker.account, makerPosition);
        Ledger.recomputeReserve(taker.account, takerPosition);

        Fill takerFill = new Fill(ids.nextId(IdKind.FILL), trade.tradeId(), taker.orderId, taker.account.userId(),
                taker.clientOrderId, market.ticker, taker.side, taker.action, count, yesPrice, noPrice, true,
                FixedPoint.money(takerFee), now, takerPosition.position, taker.bookSide(), nextSequence());
        Fill makerFill = new Fill(ids.nextId(IdKind.FILL), trade.tradeId(), maker.orderId, maker.account.userId(),
                maker.clientOrderId, market.ticker, maker.side, maker.action, count, yesPrice, noPrice, false,
                FixedPoint.money(makerFee), now, makerPosition.position, makerSide, nextSequence());
        taker.account.fills.add(takerFill);
        maker.account.fills.add(makerFill);
        if (taker.group != null) {
            taker.group.recordMatch(now, count);
        }
        if (maker.group != null) {
            maker.group.recordMatch(now, count);
        }

        emitDelta(maker, makerPrice, count.negate(), levelTotal, now);
        sink.emit(l -> l.onTrade(trade));
        sink.emit(l -> l.onFill(takerFill));
        sink.emit(l -> l.onFill(makerFill));
        emitOrder(maker.status == OrderStatus.EXECUTED ? OrderUpdateType.EXECUTED : OrderUpdateType.UPDATED, maker);
        emitPosition(taker.account, takerPosition);
        emitPosition(maker.account, makerPosition);
    }

    /** Rests the taker's remainder, or closes the order as executed or canceled. */
    private void finishTaker(OrderState order, boolean rests, Instant now) {
        if (rests) {
            order.status = OrderStatus.RESTING;
            BigDecimal total = order.market.book(order.bookSide()).add(order);
            PositionState position = order.account.position(order.market, now);
            position.resting.add(order);
            if (order.expirationTime != null) {
                expiring.add(order);
            }
            Ledger.recomputeReserve(order.account, position);
            emitDelta(order, order.bookPrice(), order.remainingCount, total, now);
        } else if (order.remainingCount.signum() > 0) {
            order.remainingCount = FixedPoint.ZERO_COUNT;
            order.status = OrderStatus.CANCELED;
        } else {
            order.status = OrderStatus.EXECUTED;
        }
    }

    private void unregisterResting(OrderState order) {
        expiring.remove(order);
        PositionState position = order.account.existingPosition(order.market);
        if (position != null && position.resting.remove(order)) {
            Ledger.recomputeReserve(order.account, position);
        }
    }

    private void renameClientOrderId(AccountState account, OrderState order, String newClientId) {
        if (newClientId == null || newClientId.equals(order.clientOrderId)) {
            return;
        }
        if (order.clientOrderId != null) {
            account.ordersByClientId.remove(order.clientOrderId);
        }
        order.clientOrderId = newClientId;
        account.ordersByClientId.put(newClientId, order);
    }

    private static boolean crosses(MarketState market, Side bookSide, BigDecimal bookPrice) {
        BookSide.Level best = market.book(bookSide.opposite()).best();
        return best != null && best.price.add(bookPrice).compareTo(BigDecimal.ONE) >= 0;
    }

    private void requireTradable(MarketState market) {
        if (!tradingActive || market.status == MarketStatus.INACTIVE) {
            throw new ExchangeException(ErrorCode.TRADING_PAUSED, "trading is paused on " + market.ticker);
        }
        if (!market.status.isTradable()) {
            throw new ExchangeException(ErrorCode.MARKET_CLOSED,
                    "market " + market.ticker + " is " + market.status.wireValue() + ", not open for trading");
        }
    }

    private static void requireResting(OrderState order) {
        if (!order.isResting()) {
            throw new ExchangeException(ErrorCode.ORDER_NOT_RESTING,
                    "order " + order.orderId + " is " + order.status.value());
        }
    }

    private static BigDecimal validCount(MarketState market, BigDecimal value, String field) {
        if (value == null) {
            throw ExchangeException.invalid(field + " is required");
        }
        BigDecimal count;
        try {
            count = FixedPoint.count(value);
        } catch (ExchangeException e) {
            throw ExchangeException.invalid(field + " allows at most 2 decimals: " + value.toPlainString());
        }
        if (count.signum() <= 0) {
            throw ExchangeException.invalid(field + " must be positive");
        }
        if (!market.spec.fractionalTradingEnabled() && count.stripTrailingZeros().scale() > 0) {
            throw ExchangeException.invalid(field + " must be whole contracts on " + market.ticker);
        }
        return count;
    }

    /** Resolves the request's price to a YES limit price, defaulting market orders to the most aggressive. */
    private static BigDecimal limitYesPrice(MarketState market, BigDecimal yes, BigDecimal no, OrderType type, Side bookSide) {
        BigDecimal yesPrice = yes == null ? null : FixedPoint.price(yes);
        BigDecimal noPrice = no == null ? null : FixedPoint.price(no);
        if (yesPrice != null && noPrice != null && yesPrice.add(noPrice).compareTo(BigDecimal.ONE) != 0) {
            throw ExchangeException.invalid("yes_price " + yesPrice + " and no_price " + noPrice + " must add up to 1");
        }
        if (yesPrice == null && noPrice != null) {
            yesPrice = FixedPoint.ONE_DOLLAR.subtract(noPrice);
        }
        if (yesPrice == null) {
            if (type != OrderType.MARKET) {
                throw ExchangeException.invalid("a limit order needs yes_price or no_price");
            }
            BigDecimal bookPrice = market.maxPrice();
            yesPrice = bookSide == Side.YES ? bookPrice : FixedPoint.ONE_DOLLAR.subtract(bookPrice);
        }
        if (!market.isValidPrice(yesPrice)) {
            throw ExchangeException.invalid("price " + yesPrice + " is not a valid " + market.spec.priceLevelStructure()
                    + " price between 0 and 1 on " + market.ticker);
        }
        return yesPrice;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // ---------------------------------------------------------------- order groups

    OrderGroupState createGroup(AccountState account, BigDecimal contractsLimit) {
        BigDecimal limit = contractsLimit == null ? null : validLimit(contractsLimit);
        Instant now = now();
        OrderGroupState group = new OrderGroupState(ids.nextId(IdKind.ORDER_GROUP), account, limit, now);
        account.groups.put(group.id, group);
        emitGroup(OrderGroupUpdateType.CREATED, group);
        return group;
    }

    void deleteGroup(AccountState account, String groupId) {
        OrderGroupState group = group(account, groupId);
        cancelGroupOrders(group, now());
        account.groups.remove(group.id);
        emitGroup(OrderGroupUpdateType.DELETED, group);
    }

    OrderGroupState resetGroup(AccountState account, String groupId) {
        OrderGroupState group = group(account, groupId);
        group.reset();
        emitGroup(OrderGroupUpdateType.RESET, group);
        return group;
    }

    OrderGroupState triggerGroup(AccountState account, String groupId) {
        OrderGroupState group = group(account, groupId);
        trigger(group, now());
        return group;
    }

    OrderGroupState updateGroupLimit(AccountState account, String groupId, BigDecimal contractsLimit) {
        OrderGroupState group = group(account, groupId);
        BigDecimal limit = validLimit(contractsLimit);
        Instant now = now();
        group.contractsLimit = limit;
        emitGroup(OrderGroupUpdateType.LIMIT_UPDATED, group);
        if (!group.triggered && group.limitReached(now)) {
            trigger(group, now);
        }
        return group;
    }

    private static BigDecimal validLimit(BigDecimal value) {
        if (value == null) {
            throw ExchangeException.invalid("contracts_limit is required");
        }
        BigDecimal limit = FixedPoint.count(value);
        if (limit.compareTo(BigDecimal.ONE) < 0) {
            throw ExchangeException.invalid("contracts_limit must be at least 1");
        }
        return limit;
    }

    private void trigger(OrderGroupState group, Instant now) {
        group.triggered = true;
        cancelGroupOrders(group, now);
        emitGroup(OrderGroupUpdateType.TRIGGERED, group);
    }

    private void cancelGroupOrders(OrderGroupState group, Instant now) {
        for (OrderState order : group.orders) {
            if (order.isResting()) {
                cancelResting(order, now);
            }
        }
    }

    private void triggerGroupsAtLimit(OrderState taker, Plan plan, Instant now) {
        Set<OrderGroupState> touched = new LinkedHashSet<>();
        if (taker.group != null) {
            touched.add(taker.group);
        }
        for (PlannedFill fill : plan.fills) {
            if (fill.maker().group != null) {
                touched.add(fill.maker().group);
            }
        }
        for (OrderGroupState group : touched) {
            if (!group.triggered && group.limitReached(now)) {
                trigger(group, now);
            }
        }
    }

    // ---------------------------------------------------------------- market lifecycle

    void openMarket(MarketState market) {
        if (market.status != MarketStatus.INITIALIZED && market.status != MarketStatus.INACTIVE) {
            throw new ExchangeException(ErrorCode.MARKET_CLOSED,
                    "market " + market.ticker + " is " + market.status.wireValue() + " and cannot be opened");
        }
        market.status = MarketStatus.ACTIVE;
        scheduleQuietUntil = null;
        lifecycle(market, MarketLifecycleType.ACTIVATED, now());
    }

    void pauseMarket(MarketState market) {
        if (market.status != MarketStatus.ACTIVE) {
            throw new ExchangeException(ErrorCode.MARKET_CLOSED,
                    "market " + market.ticker + " is " + market.status.wireValue() + " and cannot be paused");
        }
        Instant now = now();
        market.status = MarketStatus.INACTIVE;
        scheduleQuietUntil = null;
        cancelOnPause(market, now);
        lifecycle(market, MarketLifecycleType.DEACTIVATED, now);
    }

    void closeMarket(MarketState market) {
        if (market.status != MarketStatus.ACTIVE && market.status != MarketStatus.INACTIVE
                && market.status != MarketStatus.INITIALIZED) {
            throw new ExchangeException(ErrorCode.MARKET_CLOSED,
                    "market " + market.ticker + " is already " + market.status.wireValue());
        }
        close(market, now());
    }

    private void close(MarketState market, Instant now) {
        for (OrderState order : restingOrders(market)) {
            cancelResting(order, now);
        }
        market.status = MarketStatus.CLOSED;
        if (now.isBefore(market.closeTime)) {
            market.closeTime = now;
        }
        lifecycle(market, MarketLifecycleType.CLOSED, now);
    }

    void settle(MarketState market, Side result) {
        if (result == null) {
            throw ExchangeException.invalid("result must be 'yes' or 'no'");
        }
        if (market.status == MarketStatus.FINALIZED) {
            throw new ExchangeException(ErrorCode.MARKET_CLOSED, "market " + market.ticker + " is already settled");
        }
        Instant now = now();
        if (market.status == MarketStatus.ACTIVE || market.status == MarketStatus.INACTIVE
                || market.status == MarketStatus.INITIALIZED) {
            close(market, now);
        }
        market.result = result;
        market.settlementValue = result == Side.YES ? FixedPoint.ONE_DOLLAR : FixedPoint.ZERO_MONEY;
        market.status = MarketStatus.DETERMINED;
        lifecycle(market, MarketLifecycleType.DETERMINED, now);
        for (AccountState account : accounts.values()) {
            Settlement settlement = Ledger.settle(account, market, result, now, nextSequence());
            if (settlement != null) {
                account.settlements.add(settlement);
                emitPosition(account, account.existingPosition(market));
            }
        }
        market.status = MarketStatus.FINALIZED;
        market.settlementTime = now;
        lifecycle(market, MarketLifecycleType.SETTLED, now);
    }

    void setTradingActive(boolean active) {
        if (tradingActive == active) {
            return;
        }
        tradingActive = active;
        if (!active) {
            Instant now = now();
            for (MarketState market : markets.values()) {
                cancelOnPause(market, now);
            }
        }
    }

    private void cancelOnPause(MarketState market, Instant now) {
        for (OrderState order : restingOrders(market)) {
            if (order.cancelOrderOnPause) {
                cancelResting(order, now);
            }
        }
    }

    private static List<OrderState> restingOrders(MarketState market) {
        List<OrderState> orders = new ArrayList<>(market.yesBook.orders());
        orders.addAll(market.noBook.orders());
        return orders;
    }

    // ---------------------------------------------------------------- events

    private void emitDelta(OrderState order, BigDecimal price, BigDecimal delta, BigDecimal levelTotal, Instant now) {
        OrderbookDelta event = new OrderbookDelta(order.market.ticker, order.bookSide(), price, delta, levelTotal,
                order.account.userId(), order.clientOrderId, now);
        sink.emit(l -> l.onOrderbookDelta(event));
    }

    private void emitOrder(OrderUpdateType type, OrderState order) {
        OrderUpdate update = new OrderUpdate(type, order.snapshot());
        sink.emit(l -> l.onOrderUpdate(update));
    }

    private void emitPosition(AccountState account, PositionState position) {
        MarketPosition snapshot = position.snapshot(account.userId());
        sink.emit(l -> l.onPositionChange(snapshot));
    }

    private void emitGroup(OrderGroupUpdateType type, OrderGroupState group) {
        OrderGroupUpdate update = new OrderGroupUpdate(type, group.id, group.account.userId(), group.contractsLimit);
        sink.emit(l -> l.onOrderGroupUpdate(update));
    }

    private void lifecycle(MarketState market, MarketLifecycleType type, Instant now) {
        MarketLifecycleEvent event = new MarketLifecycleEvent(type, market.snapshot(now), now);
        sink.emit(l -> l.onMarketLifecycle(event));
    }
}
