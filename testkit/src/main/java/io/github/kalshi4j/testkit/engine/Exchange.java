package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The local Kalshi exchange: reference data, a matching engine on Kalshi's binary book and
 * per-account portfolio accounting. Thread-safe: every call runs under one lock. Calls that take a
 * {@code userId} act for that account (the REST layer resolves it from the signing API key via
 * {@link #findAccountByApiKeyId(String)}).
 *
 * <h2>Book and matching</h2>
 * The book holds bids only. Buying YES at p bids YES at p; selling YES at p bids NO at {@code 1 - p}
 * (Kalshi's equivalence), and likewise for NO. A YES bid at p and a NO bid at q cross when
 * {@code p + q >= 1}; an incoming order trades against the opposite side best price first, oldest
 * order first within a price, always at the resting order's price. Selling contracts the account
 * does not hold is therefore buying the other side; selling contracts it holds closes them, and a
 * YES/NO pair is redeemed for $1 on the spot (positions are a single signed count).
 *
 * <h2>Money</h2>
 * Cash pays for fills ({@code count * price}) and fees ({@link Fees}) when they happen. Resting
 * orders hold back a reserve (their price times the contracts not covered by an opposite position,
 * plus maker fees); an order is rejected with {@code insufficient_balance} unless the account's
 * available cash covers its immediate fills, their fees and the new reserve. Settlement pays $1 per
 * winning contract.
 *
 * <h2>Time and ids</h2>
 * Time comes from the injected {@link Clock}; expired orders are canceled and markets open and close
 * on schedule at the start of every call (or {@link #processTimedEvents()}). Ids come from the
 * injected {@link IdGenerator}, so a run with a fixed clock and {@link IdGenerator#sequential()} is
 * deterministic.
 *
 * <h2>Listings</h2>
 * Listings return everything that matches, in a stable order a cursor layer can page through:
 * series, events and markets in seed order; orders, fills, trades and settlements newest first
 * (descending {@code sequence}); positions by ticker; order groups oldest first.
 */
public final class Exchange {
    private final Object lock = new Object();
    private final EventSink sink;
    private final Engine engine;

    private Exchange(Builder builder) {
        this.sink = new EventSink();
        for (ExchangeListener listener : builder.listeners) {
            sink.addListener(listener);
        }
        this.engine = new Engine(builder.seed != null ? builder.seed : Seed.defaultSeed(), builder.clock,
                builder.idGenerator, sink);
        sink.flush();
    }

    /** Starts building an exchange (default seed, UTC system clock, sequential ids). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns an exchange on {@code seed} with the system clock and sequential ids. */
    public static Exchange create(Seed seed) {
        return builder().seed(seed).build();
    }

    /** Builder for {@link Exchange}. */
    public static final class Builder {
        private Seed seed;
        private Clock clock = Clock.systemUTC();
        private IdGenerator idGenerator = IdGenerator.sequential();
        private final List<ExchangeListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Sets the seed (default {@link Seed#defaultSeed()}). */
        public Builder seed(Seed value) {
            this.seed = Objects.requireNonNull(value, "seed");
            return this;
        }

        /** Sets the clock; relative seed times resolve against its time at {@link #build()}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sets the id generator (default {@link IdGenerator#sequential()}). */
        public Builder idGenerator(IdGenerator value) {
            this.idGenerator = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** Adds a listener that also sees the events of seeding (initial liquidity). */
        public Builder listener(ExchangeListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the exchange and places the seed's initial liquidity.
         *
         * @throws IllegalArgumentException when the seed's liquidity cannot be placed
         */
        public Exchange build() {
            return new Exchange(this);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T locked(Function<Engine, T> operation) {
        synchronized (lock) {
            engine.housekeeping();
            sink.flush();
            try {
                T result = operation.apply(engine);
                sink.flush();
                return result;
            } catch (RuntimeException e) {
                sink.discard();
                throw e;
            }
        }
    }

    /** Adds a listener; see {@link ExchangeListener} for delivery guarantees. */
    public void addListener(ExchangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            sink.addListener(listener);
        }
    }

    /** Removes a listener. */
    public void removeListener(ExchangeListener listener) {
        synchronized (lock) {
            sink.removeListener(listener);
        }
    }

    /** Returns the exchange's clock. */
    public Clock clock() {
        return engine.clock;
    }

    /** Cancels expired orders and opens or closes markets whose scheduled time has passed. */
    public void processTimedEvents() {
        locked(e -> null);
    }

    /** Returns the exchange-wide status. */
    public ExchangeStatus status() {
        return locked(e -> new ExchangeStatus(true, e.tradingActive));
    }

    /** Pauses trading on every market; orders with {@code cancel_order_on_pause} are canceled. */
    public void pauseTrading() {
        locked(e -> {
            e.setTradingActive(false);
            return null;
        });
    }

    /** Resumes trading after {@link #pauseTrading()}. */
    public void resumeTrading() {
        locked(e -> {
            e.setTradingActive(true);
            return null;
        });
    }

    // ---------------------------------------------------------------- reference data

    /** Lists series in seed order. */
    public List<Series> listSeries(SeriesFilter filter) {
        SeriesFilter f = filter == null ? SeriesFilter.all() : filter;
        return locked(e -> {
            List<Series> result = new ArrayList<>();
            for (SeriesState state : e.series.values()) {
                Series snapshot = state.snapshot();
                if (f.matches(snapshot)) {
                    result.add(snapshot);
                }
            }
            return result;
        });
    }

    /**
     * Returns one series.
     *
     * @throws ExchangeException {@code series_not_found}
     */
    public Series getSeries(String ticker) {
        return locked(e -> {
            SeriesState state = ticker == null ? null : e.series.get(ticker);
            if (state == null) {
                throw new ExchangeException(ErrorCode.SERIES_NOT_FOUND, "no series with ticker '" + ticker + "'");
            }
            return state.snapshot();
        });
    }

    /** Lists events in seed order. */
    public List<Event> listEvents(EventFilter filter) {
        EventFilter f = filter == null ? EventFilter.all() : filter;
        return locked(e -> {
            List<Event> result = new ArrayList<>();
            for (EventState state : e.events.values()) {
                if (eventMatches(state, f)) {
                    result.add(state.snapshot(e.now()));
                }
            }
            return result;
        });
    }

    private static boolean eventMatches(EventState state, EventFilter f) {
        String collection = state.spec.mveCollectionTicker();
        if (f.seriesTicker() != null && !f.seriesTicker().equals(state.series.spec.ticker())
                || f.status() != null && f.status() != state.status()
                || f.mveFilter() == MveFilter.ONLY && collection == null
                || f.mveFilter() == MveFilter.EXCLUDE && collection != null
                || f.mveCollectionTicker() != null && !f.mveCollectionTicker().equals(collection)) {
            return false;
        }
        if (f.closeTime() == null || f.closeTime().equals(TimeRange.ANY)) {
            return true;
        }
        for (MarketState market : state.markets) {
            if (f.closeTime().contains(market.closeTime)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns one event.
     *
     * @throws ExchangeException {@code event_not_found}
     */
    public Event getEvent(String eventTicker) {
        return locked(e -> {
            EventState state = eventTicker == null ? null : e.events.get(eventTicker);
            if (state == null) {
                throw new ExchangeException(ErrorCode.EVENT_NOT_FOUND, "no event with ticker '" + eventTicker + "'");
            }
            return state.snapshot(e.now());
        });
    }

    /** Lists multivariate collections in seed order, optionally only those of one series. */
    public List<MultivariateCollection> listMultivariateCollections(String seriesTicker) {
        return locked(e -> {
            List<MultivariateCollection> result = new ArrayList<>();
            for (MultivariateCollection collection : e.collections.values()) {
                if (seriesTicker == null || seriesTicker.equals(collection.seriesTicker())) {
                    result.add(collection);
                }
            }
            return result;
        });
    }

    /**
     * Returns one multivariate collection.
     *
     * @throws ExchangeException {@code multivariate_event_collection_not_found}
     */
    public MultivariateCollection getMultivariateCollection(String collectionTicker) {
        return locked(e -> {
            MultivariateCollection collection = collectionTicker == null ? null : e.collections.get(collectionTicker);
            if (collection == null) {
                throw new ExchangeException(ErrorCode.MULTIVARIATE_COLLECTION_NOT_FOUND,
                        "no multivariate collection with ticker '" + collectionTicker + "'");
            }
            return collection;
        });
    }

    /** Lists markets in seed order. */
    public List<Market> listMarkets(MarketFilter filter) {
        MarketFilter f = filter == null ? MarketFilter.all() : filter;
        return locked(e -> {
            List<Market> result = new ArrayList<>();
            for (MarketState state : e.markets.values()) {
                Market snapshot = state.snapshot(e.now());
                if (f.matches(snapshot)) {
                    result.add(snapshot);
                }
            }
            return result;
        });
    }

    /**
     * One window of {@link #listMarkets(MarketFilter)}: at most {@code limit} of the matching markets, starting with
     * match number {@code offset} (0-based). Equal to {@code listMarkets(filter)} cut to that window, but markets
     * before the window are not snapshotted when the filter needs no snapshot to decide (the unfiltered listing),
     * and the scan stops once the window is full, so paging through a large exchange costs about what a page holds.
     *
     * @throws IllegalArgumentException for a negative offset or limit
     */
    public List<Market> listMarkets(MarketFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        MarketFilter f = filter == null ? MarketFilter.all() : filter;
        boolean everything = f.equals(MarketFilter.all());
        return locked(e -> {
            List<Market> result = new ArrayList<>(Math.min(limit, 1024));
            int matched = 0;
            if (everything) {
                for (int i = offset; i < e.marketList.size() && result.size() < limit; i++) {
                    result.add(e.marketList.get(i).snapshot(e.now()));
                }
                return result;
            }
            for (MarketState state : e.markets.values()) {
                if (result.size() >= limit) {
                    break;
                }
                Market snapshot = state.snapshot(e.now());
                if (f.matches(snapshot) && matched++ >= offset) {
                    result.add(snapshot);
                }
            }
            return result;
        });
    }

    /**
     * Returns one market.
     *
     * @throws ExchangeException {@code market_not_found}
     */
    public Market getMarket(String ticker) {
        return locked(e -> e.market(ticker).snapshot(e.now()));
    }

    /**
     * Returns a market's book, best price first on each side.
     *
     * @param depth levels per side, 0 for all
     * @throws ExchangeException {@code market_not_found}, or {@code invalid_parameters} for a negative depth
     */
    public Orderbook getOrderbook(String ticker, int depth) {
        if (depth < 0) {
            throw ExchangeException.invalid("depth must not be negative");
        }
        return locked(e -> {
            MarketState market = e.market(ticker);
            return new Orderbook(market.ticker, market.yesBook.snapshot(depth), market.noBook.snapshot(depth));
        });
    }

    /**
     * Returns a market's latest trade, if it has one.
     *
     * @throws ExchangeException {@code market_not_found}
     */
    public Optional<Trade> lastTrade(String ticker) {
        return locked(e -> {
            List<Trade> trades = e.market(ticker).trades;
            return trades.isEmpty() ? Optional.empty() : Optional.of(trades.get(trades.size() - 1));
        });
    }

    /** Lists public trades, newest first. */
    public List<Trade> listTrades(TradeFilter filter) {
        TradeFilter f = filter == null ? TradeFilter.all() : filter;
        return locked(e -> {
            List<Trade> result = new ArrayList<>();
            for (int i = e.trades.size() - 1; i >= 0; i--) {
                if (f.matches(e.trades.get(i))) {
                    result.add(e.trades.get(i));
                }
            }
            return result;
        });
    }

    // ---------------------------------------------------------------- accounts

    /** Lists accounts in creation (seed) order. */
    public List<Account> listAccounts() {
        return locked(e -> {
            List<Account> result = new ArrayList<>();
            for (AccountState account : e.accounts.values()) {
                result.add(account.account);
            }
            return result;
        });
    }

    /**
     * Returns an account.
     *
     * @throws ExchangeException {@code account_not_found}
     */
    public Account getAccount(String userId) {
        return locked(e -> e.account(userId).account);
    }

    /** Finds the account that signs with an API key id. */
    public Optional<Account> findAccountByApiKeyId(String apiKeyId) {
        return locked(e -> {
            AccountState account = apiKeyId == null ? null : e.accountsByApiKey.get(apiKeyId);
            return Optional.ofNullable(account == null ? null : account.account);
        });
    }

    /**
     * Adds an account at runtime.
     *
     * @throws ExchangeException {@code invalid_parameters} when the member id or API key id is taken
     */
    public Account addAccount(Seed.AccountSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return locked(e -> e.addAccount(spec).account);
    }

    /**
     * Returns an account's balance.
     *
     * @throws ExchangeException {@code account_not_found}
     */
    public Balance getBalance(String userId) {
        return locked(e -> balance(e.account(userId)));
    }

    /**
     * Adds cash to an account (for tests and demos); it shows in the account's deposits as an applied ACH deposit.
     *
     * @throws ExchangeException {@code account_not_found}, or {@code invalid_parameters} for a
     *                           non-positive amount
     */
    public Balance deposit(String userId, BigDecimal amount) {
        return locked(e -> {
            AccountState account = e.account(userId);
            e.deposit(account, amount);
            return balance(account);
        });
    }

    private static Balance balance(AccountState account) {
        BigDecimal portfolio = BigDecimal.ZERO;
        for (PositionState position : account.positions.values()) {
            if (position.position.signum() == 0) {
                continue;
            }
            BigDecimal last = position.market.lastPrice;
            if (last.signum() == 0) {
                portfolio = portfolio.add(position.cost);
            } else if (position.position.signum() > 0) {
                portfolio = portfolio.add(position.position.multiply(last));
            } else {
                portfolio = portfolio.add(position.position.negate().multiply(BigDecimal.ONE.subtract(last)));
            }
        }
        return new Balance(account.userId(), FixedPoint.money(account.cash), FixedPoint.money(account.reserved),
                FixedPoint.money(account.available()), FixedPoint.money(portfolio), account.updatedTime);
    }

    // ---------------------------------------------------------------- orders

    /**
     * Places an order: validates it, matches what crosses, rests or cancels the remainder per its
     * time in force, and returns the order's state afterwards.
     *
     * @throws ExchangeException {@code market_not_found}, {@code market_closed},
     *                           {@code trading_is_paused}, {@code invalid_parameters},
     *                           {@code order_already_exists}, {@code order_group_not_found},
     *                           {@code order_group_triggered}, {@code post_only_cross},
     *                           {@code reduce_only_would_increase_position},
     *                           {@code fill_or_kill_insufficient_resting_volume} or
     *                           {@code insufficient_balance}; nothing changes in that case
     */
    public Order createOrder(String userId, NewOrder request) {
        return locked(e -> e.placeOrder(e.account(userId), request).snapshot());
    }

    /**
     * Places several orders one after the other; each succeeds or fails on its own.
     *
     * @throws ExchangeException {@code account_not_found}
     */
    public List<BatchCreateResult> batchCreateOrders(String userId, List<NewOrder> requests) {
        Objects.requireNonNull(requests, "requests");
        return locked(e -> {
            AccountState account = e.account(userId);
            List<BatchCreateResult> results = new ArrayList<>();
            for (NewOrder request : requests) {
                String clientOrderId = request == null ? null : request.clientOrderId();
                try {
                    Order order = e.placeOrder(account, request).snapshot();
                    sink.flush();
                    results.add(new BatchCreateResult(clientOrderId, order, null));
                } catch (ExchangeException error) {
                    sink.discard();
                    results.add(new BatchCreateResult(clientOrderId, null, error));
                }
            }
            return results;
        });
    }

    /**
     * Cancels every resting order of the account (Kalshi's cancel-all); orders that are not resting are left alone.
     *
     * @return one result per canceled order, oldest order first
     * @throws ExchangeException {@code account_not_found}
     */
    public List<CancelResult> cancelAllOrders(String userId) {
        return locked(e -> e.cancelAll(e.account(userId)));
    }

    /**
     * Returns one of the account's orders.
     *
     * @throws ExchangeException {@code order_not_found}
     */
    public Order getOrder(String userId, String orderId) {
        return locked(e -> e.order(e.account(userId), orderId).snapshot());
    }

    /** Finds the account's order with a client order id (to check whether a retried create landed). */
    public Optional<Order> findOrderByClientOrderId(String userId, String clientOrderId) {
        return locked(e -> {
            OrderState order = clientOrderId == null ? null : e.account(userId).ordersByClientId.get(clientOrderId);
            return Optional.ofNullable(order == null ? null : order.snapshot());
        });
    }

    /** Lists the account's orders, newest first. */
    public List<Order> listOrders(String userId, OrderFilter filter) {
        OrderFilter f = filter == null ? OrderFilter.all() : filter;
        return locked(e -> {
            List<OrderState> all = new ArrayList<>(e.account(userId).orders.values());
            List<Order> result = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                OrderState order = all.get(i);
                if ((f.ticker() == null || f.ticker().equals(order.market.ticker))
                        && (f.eventTickers().isEmpty() || f.eventTickers().contains(order.market.event.ticker()))
                        && (f.status() == null || f.status() == order.status)
                        && f.createdTime().contains(order.createdTime)) {
                    result.add(order.snapshot());
                }
            }
            return result;
        });
    }

    /**
     * Cancels a resting order.
     *
     * @throws ExchangeException {@code order_not_found} or {@code order_not_resting}
     */
    public CancelResult cancelOrder(String userId, String orderId) {
        return locked(e -> e.cancel(e.account(userId), orderId));
    }

    /**
     * Cancels several orders; each succeeds or fails on its own.
     *
     * @throws ExchangeException {@code account_not_found}
     */
    public List<BatchCancelResult> batchCancelOrders(String userId, List<String> orderIds) {
        Objects.requireNonNull(orderIds, "orderIds");
        return locked(e -> {
            AccountState account = e.account(userId);
            List<BatchCancelResult> results = new ArrayList<>();
            for (String orderId : orderIds) {
                try {
                    CancelResult result = e.cancel(account, orderId);
                    sink.flush();
                    results.add(new BatchCancelResult(orderId, result.order(), result.reducedBy(), null));
                } catch (ExchangeException error) {
                    sink.discard();
                    results.add(new BatchCancelResult(orderId, null, FixedPoint.ZERO_COUNT, error));
                }
            }
            return results;
        });
    }

    /**
     * Amends a resting order's price and/or size; see {@link OrderAmendment} for queue priority.
     *
     * @throws ExchangeException {@code order_not_found}, {@code order_not_resting},
     *                           {@code invalid_parameters}, {@code order_already_exists},
     *                           {@code post_only_cross}, {@code market_closed} or
     *                           {@code insufficient_balance}
     */
    public AmendResult amendOrder(String userId, String orderId, OrderAmendment request) {
        return locked(e -> e.amend(e.account(userId), orderId, request));
    }

    /**
     * Decreases a resting order, keeping its queue priority; decreasing to zero cancels it.
     *
     * @throws ExchangeException {@code order_not_found}, {@code order_not_resting} or
     *                           {@code invalid_parameters} (unless exactly one of reduce_by /
     *                           reduce_to is given)
     */
    public Order decreaseOrder(String userId, String orderId, OrderDecrease request) {
        return locked(e -> e.decrease(e.account(userId), orderId, request).snapshot());
    }

    /**
     * Returns the contracts resting ahead of the order at its price level (zero for an order that
     * is not resting). Better-priced bids of the same side are not counted.
     *
     * @throws ExchangeException {@code order_not_found}
     */
    public BigDecimal getQueuePosition(String userId, String orderId) {
        return locked(e -> queuePosition(e.order(e.account(userId), orderId)));
    }

    /**
     * Lists the queue positions of the account's resting orders, newest first, optionally only in
     * some markets and/or one event.
     */
    public List<QueuePosition> listQueuePositions(String userId, Set<String> marketTickers, String eventTicker) {
        return locked(e -> {
            List<OrderState> all = new ArrayList<>(e.account(userId).orders.values());
            List<QueuePosition> result = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                OrderState order = all.get(i);
                if (order.isResting()
                        && (marketTickers == null || marketTickers.isEmpty() || marketTickers.contains(order.market.ticker))
                        && (eventTicker == null || eventTicker.equals(order.market.event.ticker()))) {
                    result.add(new QueuePosition(order.orderId, order.market.ticker, queuePosition(order)));
                }
            }
            return result;
        });
    }

    private static BigDecimal queuePosition(OrderState order) {
        return order.isResting() ? order.market.book(order.bookSide()).countAhead(order) : FixedPoint.ZERO_COUNT;
    }

    /** Returns the total value of the account's resting orders (bid price times remaining count). */
    public BigDecimal totalRestingOrderValue(String userId) {
        return locked(e -> {
            BigDecimal total = BigDecimal.ZERO;
            for (OrderState order : e.account(userId).orders.values()) {
                if (order.isResting()) {
                    total = total.add(order.bookPrice().multiply(order.remainingCount));
                }
            }
            return FixedPoint.money(total);
        });
    }

    // ---------------------------------------------------------------- portfolio

    /** Lists the account's fills, newest first. */
    public List<Fill> listFills(String userId, FillFilter filter) {
        FillFilter f = filter == null ? FillFilter.all() : filter;
        return locked(e -> {
            List<Fill> fills = e.account(userId).fills;
            List<Fill> result = new ArrayList<>();
            for (int i = fills.size() - 1; i >= 0; i--) {
                if (f.matches(fills.get(i))) {
                    result.add(fills.get(i));
                }
            }
            return result;
        });
    }

    /** Lists the account's market positions by ticker, including closed and settled ones. */
    public List<MarketPosition> listMarketPositions(String userId, PositionFilter filter) {
        PositionFilter f = filter == null ? PositionFilter.all() : filter;
        return locked(e -> {
            AccountState account = e.account(userId);
            List<MarketPosition> result = new ArrayList<>();
            for (PositionState position : account.positions.values()) {
                MarketPosition snapshot = position.snapshot(account.userId());
                if (f.matches(snapshot)) {
                    result.add(snapshot);
                }
            }
            return result;
        });
    }

    /** Lists the account's positions aggregated per event, by event ticker. */
    public List<EventPosition> listEventPositions(String userId, PositionFilter filter) {
        List<MarketPosition> positions = listMarketPositions(userId, filter);
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (MarketPosition p : positions) {
            BigDecimal[] s = sums.computeIfAbsent(p.eventTicker(), k -> new BigDecimal[] {
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(p.totalTraded());
            s[1] = s[1].add(p.volume());
            s[2] = s[2].add(p.marketExposure());
            s[3] = s[3].add(p.realizedPnl());
            s[4] = s[4].add(p.feesPaid());
        }
        List<EventPosition> result = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> entry : sums.entrySet()) {
            BigDecimal[] s = entry.getValue();
            result.add(new EventPosition(userId, entry.getKey(), FixedPoint.money(s[0]), FixedPoint.count(s[1]),
                    FixedPoint.money(s[2]), FixedPoint.money(s[3]), FixedPoint.money(s[4])));
        }
        return result;
    }

    /** Lists the account's deposits, newest first. */
    public List<CashTransfer> listDeposits(String userId) {
        return locked(e -> newestFirst(e.account(userId).deposits));
    }

    /** Lists the account's withdrawals, newest first. */
    public List<CashTransfer> listWithdrawals(String userId) {
        return locked(e -> newestFirst(e.account(userId).withdrawals));
    }

    private static List<CashTransfer> newestFirst(List<CashTransfer> oldestFirst) {
        List<CashTransfer> result = new ArrayList<>(oldestFirst);
        result.sort(Comparator.comparingLong(CashTransfer::sequence).reversed());
        return result;
    }

    /**
     * Lists event fee changes in seed order, optionally only those of one event.
     *
     * @param eventTicker the event, or null for every event
     */
    public List<EventFeeChange> listEventFeeChanges(String eventTicker) {
        return locked(e -> {
            List<EventFeeChange> result = new ArrayList<>();
            for (EventFeeChange change : e.feeChanges) {
                if (eventTicker == null || eventTicker.equals(change.eventTicker())) {
                    result.add(change);
                }
            }
            return result;
        });
    }

    /** Lists the account's settlements, newest first. */
    public List<Settlement> listSettlements(String userId, SettlementFilter filter) {
        SettlementFilter f = filter == null ? SettlementFilter.all() : filter;
        return locked(e -> {
            List<Settlement> settlements = new ArrayList<>(e.account(userId).settlements);
            settlements.removeIf(s -> !f.matches(s));
            settlements.sort(Comparator.comparingLong(Settlement::sequence).reversed());
            return settlements;
        });
    }

    // ---------------------------------------------------------------- order groups

    /**
     * Creates an order group.
     *
     * @param contractsLimit cap on contracts matched per {@value OrderGroup#WINDOW_SECONDS} s, at
     *                       least 1; null for a group without a cap
     * @throws ExchangeException {@code invalid_parameters} for a limit below 1
     */
    public OrderGroup createOrderGroup(String userId, BigDecimal contractsLimit) {
        return locked(e -> e.createGroup(e.account(userId), contractsLimit).snapshot(e.now()));
    }

    /**
     * Returns an order group with the ids of its orders.
     *
     * @throws ExchangeException {@code order_group_not_found}
     */
    public OrderGroup getOrderGroup(String userId, String groupId) {
        return locked(e -> e.group(e.account(userId), groupId).snapshot(e.now()));
    }

    /** Lists the account's order groups, oldest first. */
    public List<OrderGroup> listOrderGroups(String userId) {
        return locked(e -> {
            List<OrderGroup> result = new ArrayList<>();
            for (OrderGroupState group : e.account(userId).groups.values()) {
                result.add(group.snapshot(e.now()));
            }
            return result;
        });
    }

    /**
     * Deletes an order group, canceling its resting orders.
     *
     * @throws ExchangeException {@code order_group_not_found}
     */
    public void deleteOrderGroup(String userId, String groupId) {
        locked(e -> {
            e.deleteGroup(e.account(userId), groupId);
            return null;
        });
    }

    /**
     * Resets an order group's matched-contracts counter so it accepts orders again.
     *
     * @throws ExchangeException {@code order_group_not_found}
     */
    public OrderGroup resetOrderGroup(String userId, String groupId) {
        return locked(e -> e.resetGroup(e.account(userId), groupId).snapshot(e.now()));
    }

    /**
     * Triggers an order group: cancels its resting orders and blocks new ones until reset.
     *
     * @throws ExchangeException {@code order_group_not_found}
     */
    public OrderGroup triggerOrderGroup(String userId, String groupId) {
        return locked(e -> e.triggerGroup(e.account(userId), groupId).snapshot(e.now()));
    }

    /**
     * Changes an order group's limit; a limit already reached triggers the group.
     *
     * @throws ExchangeException {@code order_group_not_found} or {@code invalid_parameters}
     */
    public OrderGroup updateOrderGroupLimit(String userId, String groupId, BigDecimal contractsLimit) {
        return locked(e -> e.updateGroupLimit(e.account(userId), groupId, contractsLimit).snapshot(e.now()));
    }

    // ---------------------------------------------------------------- market lifecycle

    /**
     * Opens an unopened market, or resumes a paused one.
     *
     * @throws ExchangeException {@code market_not_found}, or {@code market_closed} when it is closed or settled
     */
    public Market openMarket(String ticker) {
        return locked(e -> {
            MarketState market = e.market(ticker);
            e.openMarket(market);
            return market.snapshot(e.now());
        });
    }

    /**
     * Pauses trading on an open market; orders with {@code cancel_order_on_pause} are canceled,
     * other orders rest until {@link #resumeMarket(String)}.
     *
     * @throws ExchangeException {@code market_not_found}, or {@code market_closed} when it is not open
     */
    public Market pauseMarket(String ticker) {
        return locked(e -> {
            MarketState market = e.market(ticker);
            e.pauseMarket(market);
            return market.snapshot(e.now());
        });
    }

    /** Resumes a paused market; same as {@link #openMarket(String)}. */
    public Market resumeMarket(String ticker) {
        return openMarket(ticker);
    }

    /**
     * Closes a market now, canceling its resting orders.
     *
     * @throws ExchangeException {@code market_not_found}, or {@code market_closed} when already closed
     */
    public Market closeMarket(String ticker) {
        return locked(e -> {
            MarketState market = e.market(ticker);
            e.closeMarket(market);
            return market.snapshot(e.now());
        });
    }

    /**
     * Settles a market: closes it if needed (canceling resting orders and releasing their
     * reserves), pays $1 per winning contract, records a {@link Settlement} for every account with
     * a position, clears the positions and marks the market {@link MarketStatus#FINALIZED}.
     *
     * @throws ExchangeException {@code market_not_found}, or {@code market_closed} when already settled
     */
    public Market settle(String ticker, Side result) {
        return locked(e -> {
            MarketState market = e.market(ticker);
            e.settle(market, result);
            return market.snapshot(e.now());
        });
    }

    /**
     * Settles a market with the result {@code "yes"} or {@code "no"}; see {@link #settle(String, Side)}.
     *
     * @throws ExchangeException {@code invalid_parameters} for another result
     */
    public Market settle(String ticker, String result) {
        return settle(ticker, WireValues.side(result));
    }
}
