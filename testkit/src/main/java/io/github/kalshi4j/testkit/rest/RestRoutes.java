package io.github.kalshi4j.testkit.rest;

import io.github.kalshi4j.model.CreateOrderGroupRequest;
import io.github.kalshi4j.model.CreateOrderGroupResponse;
import io.github.kalshi4j.model.EmptyResponse;
import io.github.kalshi4j.model.EventData;
import io.github.kalshi4j.model.ExchangeStatus;
import io.github.kalshi4j.model.ApiUsageLevelGrant;
import io.github.kalshi4j.model.BucketLimit;
import io.github.kalshi4j.model.Deposit;
import io.github.kalshi4j.model.EndpointTokenCost;
import io.github.kalshi4j.model.GetAccountApiLimitsResponse;
import io.github.kalshi4j.model.GetAccountEndpointCostsResponse;
import io.github.kalshi4j.model.GetDepositsResponse;
import io.github.kalshi4j.model.GetEventFeeChangesResponse;
import io.github.kalshi4j.model.GetWithdrawalsResponse;
import io.github.kalshi4j.model.IndexedBalance;
import io.github.kalshi4j.model.Withdrawal;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.model.GetEventResponse;
import io.github.kalshi4j.model.GetEventsResponse;
import io.github.kalshi4j.model.GetFillsResponse;
import io.github.kalshi4j.model.GetMarketOrderbookResponse;
import io.github.kalshi4j.model.GetMarketOrderbooksResponse;
import io.github.kalshi4j.model.GetMarketResponse;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.GetMultivariateEventCollectionResponse;
import io.github.kalshi4j.model.GetMultivariateEventCollectionsResponse;
import io.github.kalshi4j.model.GetMultivariateEventsResponse;
import io.github.kalshi4j.model.GetOrderGroupResponse;
import io.github.kalshi4j.model.GetOrderGroupsResponse;
import io.github.kalshi4j.model.GetOrderQueuePositionResponse;
import io.github.kalshi4j.model.GetOrderQueuePositionsResponse;
import io.github.kalshi4j.model.GetOrderResponse;
import io.github.kalshi4j.model.GetOrdersResponse;
import io.github.kalshi4j.model.GetPortfolioRestingOrderTotalValueResponse;
import io.github.kalshi4j.model.GetPositionsResponse;
import io.github.kalshi4j.model.GetSeriesListResponse;
import io.github.kalshi4j.model.GetSeriesResponse;
import io.github.kalshi4j.model.GetSettlementsResponse;
import io.github.kalshi4j.model.GetTradesResponse;
import io.github.kalshi4j.model.GetUserDataTimestampResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.MarketOrderbookFp;
import io.github.kalshi4j.model.OrderQueuePosition;
import io.github.kalshi4j.model.OrderbookCountFp;
import io.github.kalshi4j.model.UpdateOrderGroupLimitRequest;
import io.github.kalshi4j.testkit.engine.WireValues;
import io.github.kalshi4j.testkit.engine.FixedPoint;
import io.github.kalshi4j.testkit.engine.Exchange;
import io.github.kalshi4j.testkit.engine.EventFilter;
import io.github.kalshi4j.testkit.engine.FillFilter;
import io.github.kalshi4j.testkit.engine.MarketFilter;
import io.github.kalshi4j.testkit.engine.MarketStatusFilter;
import io.github.kalshi4j.testkit.engine.MveFilter;
import io.github.kalshi4j.testkit.engine.OrderFilter;
import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.testkit.engine.Orderbook;
import io.github.kalshi4j.testkit.engine.PositionFilter;
import io.github.kalshi4j.ws.PriceLevel;
import io.github.kalshi4j.testkit.engine.SeriesFilter;
import io.github.kalshi4j.testkit.engine.SettlementFilter;
import io.github.kalshi4j.testkit.engine.TimeRange;
import io.github.kalshi4j.testkit.engine.TradeFilter;
import io.github.kalshi4j.testkit.internal.ApiError;
import io.github.kalshi4j.testkit.engine.CashTransfer;
import io.github.kalshi4j.testkit.internal.Cursors;
import io.github.kalshi4j.testkit.internal.EndpointCosts;
import io.github.kalshi4j.testkit.internal.HttpCall;
import io.github.kalshi4j.testkit.internal.RateLimiter;
import io.github.kalshi4j.testkit.internal.Router;
import io.github.kalshi4j.testkit.internal.Router.Reply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The REST operations the local exchange models, each answering with the generated, spec-shaped models. */
public final class RestRoutes {

    private static final int MAX_LIMIT = 1000;

    private final Exchange engine;

    private RestRoutes(Exchange engine) {
        this.engine = engine;
    }

    /**
     * Registers every modelled operation on the router.
     *
     * @param router the router of the pinned spec's operations
     * @param engine the matching engine behind the operations
     * @param costs  the rate-limit token costs {@code GetAccountEndpointCosts} reports
     */
    public static void register(Router router, Exchange engine, EndpointCosts costs) {
        register(router, engine, costs, RateLimiter::tier);
    }

    /**
     * Registers every modelled operation on the router.
     *
     * @param router the router of the pinned spec's operations
     * @param engine the matching engine behind the operations
     * @param costs  the rate-limit token costs {@code GetAccountEndpointCosts} reports
     * @param tiers  a usage tier's buckets by the tier's name (null: basic), as {@code GetAccountApiLimits} reports them
     */
    public static void register(Router router, Exchange engine, EndpointCosts costs,
            Function<String, RateLimiter.Tier> tiers) {
        RestRoutes r = new RestRoutes(engine);
        // Exchange
        router.on("GetExchangeStatus", c -> Reply.ok(ExchangeStatus.builder()
                .exchangeActive(engine.status().exchangeActive()).tradingActive(engine.status().tradingActive()).build()));
        router.on("GetUserDataTimestamp", c -> Reply.ok(GetUserDataTimestampResponse.builder()
                .asOfTime(Models.time(engine.clock().instant())).build()));
        // Markets, series, events
        router.on("GetMarkets", r::getMarkets);
        router.on("GetMarket", c -> Reply.ok(GetMarketResponse.builder().market(r.market(c.path("ticker"))).build()));
        router.on("GetMarketOrderbook", r::getOrderbook);
        router.on("GetMarketOrderbooks", r::getOrderbooks);
        router.on("GetTrades", r::getTrades);
        router.on("GetSeries", c -> Reply.ok(GetSeriesResponse.builder()
                .series(Models.series(engine.getSeries(c.path("series_ticker")))).build()));
        router.on("GetSeriesList", c -> Reply.ok(GetSeriesListResponse.builder().series(engine.listSeries(
                new SeriesFilter(c.query("category"), c.query("tags"))).stream().map(Models::series).toList()).build()));
        router.on("GetEvents", r::getEvents);
        router.on("GetEvent", r::getEvent);
        router.on("GetEventFeeChanges", r::getEventFeeChanges);
        router.on("GetMultivariateEventCollections", c -> {
            var page = Cursors.page(engine.listMultivariateCollections(c.query("series_ticker")), c.query("cursor"),
                    c.queryInt("limit", 100, 1, 200));
            return Reply.ok(GetMultivariateEventCollectionsResponse.builder()
                    .multivariateContracts(page.items().stream().map(Models::collection).toList())
                    .cursor(page.nextCursor()).build());
        });
        router.on("GetMultivariateEventCollection", c -> Reply.ok(GetMultivariateEventCollectionResponse.builder()
                .multivariateContract(Models.collection(engine.getMultivariateCollection(c.path("collection_ticker"))))
                .build()));
        router.on("GetMultivariateEvents", c -> {
            EventFilter f = EventFilter.all().withSeriesTicker(c.query("series_ticker")).withMveFilter(MveFilter.ONLY)
                    .withMveCollectionTicker(c.query("collection_ticker"));
            var page = Cursors.page(engine.listEvents(f), c.query("cursor"), c.queryInt("limit", 100, 1, 200));
            return Reply.ok(GetMultivariateEventsResponse.builder()
                    .events(page.items().stream().map(e -> Models.event(e, List.of())).toList())
                    .cursor(page.nextCursor()).build());
        });
        // Portfolio
        router.on("GetBalance", r::getBalance);
        router.on("GetPositions", r::getPositions);
        router.on("GetFills", r::getFills);
        router.on("GetSettlements", r::getSettlements);
        router.on("GetPortfolioRestingOrderTotalValue", c -> {
            BigDecimal total = engine.totalRestingOrderValue(c.userId());
            return Reply.ok(GetPortfolioRestingOrderTotalValueResponse.builder()
                    .totalRestingOrderValue((int) Models.cents(total))
                    .restingOrderValueBreakdown(List.of(indexed(total))).build());
        });
        router.on("GetDeposits", r::getDeposits);
        router.on("GetWithdrawals", r::getWithdrawals);
        // Orders: reads here, V2 order entry in OrderRoutes (the legacy order operations are gone from the spec)
        router.on("GetOrders", r::getOrders);
        router.on("GetOrder", c -> Reply.ok(GetOrderResponse.builder()
                .order(Models.order(engine.getOrder(c.userId(), c.path("order_id")))).build()));
        OrderRoutes.register(router, engine);
        router.on("GetOrderQueuePosition", c -> Reply.ok(GetOrderQueuePositionResponse.builder()
                .queuePositionFp(Models.count(engine.getQueuePosition(c.userId(), c.path("order_id")))).build()));
        router.on("GetOrderQueuePositions", c -> {
            Set<String> tickers = new LinkedHashSet<>(c.queryCsv("market_tickers"));
            return Reply.ok(GetOrderQueuePositionsResponse.builder().queuePositions(
                    engine.listQueuePositions(c.userId(), tickers, c.query("event_ticker")).stream()
                            .map(q -> OrderQueuePosition.builder().orderId(q.orderId()).marketTicker(q.marketTicker())
                                    .queuePositionFp(Models.count(q.position())).build()).toList()).build());
        });
        // Order groups
        router.on("CreateOrderGroup", c -> {
            CreateOrderGroupRequest req = c.body(CreateOrderGroupRequest.class);
            BigDecimal limit = agree("contracts_limit", legacy(req.additionalProperties(), "contracts_limit", 0),
                    req.contractsLimitFp());
            if (limit == null) {
                throw ApiError.badRequest("invalid_parameters", "contracts_limit or contracts_limit_fp is required");
            }
            return Reply.created(CreateOrderGroupResponse.builder()
                    .orderGroupId(engine.createOrderGroup(c.userId(), limit).id())
                    .subaccount(0).exchangeIndex(Models.EXCHANGE_INDEX).build());
        });
        router.on("GetOrderGroups", c -> Reply.ok(GetOrderGroupsResponse.builder()
                .orderGroups(engine.listOrderGroups(c.userId()).stream().map(Models::orderGroup).toList()).build()));
        router.on("GetOrderGroup", c -> {
            var g = engine.getOrderGroup(c.userId(), c.path("order_group_id"));
            return Reply.ok(GetOrderGroupResponse.builder().isAutoCancelEnabled(g.autoCancelEnabled())
                    .contractsLimitFp(Models.count(g.contractsLimit())).orders(g.orderIds()).build());
        });
        router.on("DeleteOrderGroup", c -> {
            engine.deleteOrderGroup(c.userId(), c.path("order_group_id"));
            return Reply.ok(EmptyResponse.builder().build());
        });
        router.on("ResetOrderGroup", c -> {
            engine.resetOrderGroup(c.userId(), c.path("order_group_id"));
            return Reply.ok(EmptyResponse.builder().build());
        });
        router.on("TriggerOrderGroup", c -> {
            engine.triggerOrderGroup(c.userId(), c.path("order_group_id"));
            return Reply.ok(EmptyResponse.builder().build());
        });
        router.on("UpdateOrderGroupLimit", c -> {
            UpdateOrderGroupLimitRequest req = c.body(UpdateOrderGroupLimitRequest.class);
            BigDecimal limit = agree("contracts_limit", legacy(req.additionalProperties(), "contracts_limit", 0),
                    req.contractsLimitFp());
            if (limit == null) {
                throw ApiError.badRequest("invalid_parameters", "contracts_limit or contracts_limit_fp is required");
            }
            engine.updateOrderGroupLimit(c.userId(), c.path("order_group_id"), limit);
            return Reply.ok(EmptyResponse.builder().build());
        });
        // Account
        router.on("GetAccountApiLimits", c -> {
            String tierName = engine.getAccount(c.userId()).tier();
            RateLimiter.Tier t = tiers.apply(tierName);
            GetAccountApiLimitsResponse.Builder b = GetAccountApiLimitsResponse.builder().usageTier(t.name())
                    .read(bucket(t.read())).write(bucket(t.write())).grants(List.of());
            // A member seeded above the basic tier holds it the way Kalshi assigns one by hand: a permanent grant.
            if (!t.name().equals("basic")) {
                b.grants(List.of(ApiUsageLevelGrant.builder().exchangeInstance("event_contract").level(t.name())
                        .source("manual").build()));
            }
            return Reply.ok(b.build());
        });
        router.on("GetAccountEndpointCosts", c -> Reply.ok(GetAccountEndpointCostsResponse.builder()
                .defaultCost(EndpointCosts.DEFAULT_COST)
                .endpointCosts(costs.nonDefault().stream().map(e -> EndpointTokenCost.builder().method(e.method())
                        .path(e.path()).cost(e.cost()).build()).toList())
                .build()));
    }

    private static BucketLimit bucket(RateLimiter.Bucket b) {
        return BucketLimit.builder().refillRate(b.refillRate()).bucketCapacity(b.bucketCapacity()).build();
    }

    /** A balance of the one shard the local exchange models. */
    private static IndexedBalance indexed(BigDecimal dollars) {
        return IndexedBalance.builder().exchangeIndex(Models.EXCHANGE_INDEX).balance(Models.money(dollars)).build();
    }

    // ------------------------------------------------------------------ markets

    private Market market(String ticker) {
        return Models.market(engine.getMarket(ticker), engine.clock().instant());
    }

    /** {@code limit} where the spec says 1 to 1000 (LimitQuery and most list endpoints). */
    private static int limit(HttpCall c, int dflt) {
        return c.queryInt("limit", dflt, 1, MAX_LIMIT);
    }

    /**
     * {@code limit} where the spec allows 0 to 1000 (MarketLimitQuery: GetMarkets, GetTrades; Kalshi validates it
     * as {@code omitempty,gte=0,lte=1000}): 0 is "not set" and reads as the default, as it does on Kalshi.
     */
    private static int limitZeroMeansDefault(HttpCall c, int dflt) {
        int n = c.queryInt("limit", dflt, 0, MAX_LIMIT);
        return n == 0 ? dflt : n;
    }

    private static TimeRange seconds(HttpCall c, String min, String max) {
        Long lo = c.queryLong(min, null, 0, Long.MAX_VALUE);
        Long hi = c.queryLong(max, null, 0, Long.MAX_VALUE);
        return lo == null && hi == null ? TimeRange.ANY
                : TimeRange.between(lo == null ? null : Instant.ofEpochSecond(lo), hi == null ? null : Instant.ofEpochSecond(hi));
    }

    private static MveFilter mveFilter(HttpCall c) {
        String v = c.query("mve_filter");
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "only" -> MveFilter.ONLY;
            case "exclude" -> MveFilter.EXCLUDE;
            default -> throw ApiError.badRequest("invalid_parameters", "mve_filter must be only or exclude");
        };
    }

    private static MarketStatusFilter status(HttpCall c) {
        String v = c.query("status");
        return v == null ? null : MarketStatusFilter.fromQueryValue(v);
    }

    private Reply getMarkets(HttpCall c) {
        MarketFilter f = MarketFilter.all()
                .withSeriesTicker(c.query("series_ticker"))
                .withStatus(status(c))
                .withCloseTime(seconds(c, "min_close_ts", "max_close_ts"))
                .withCreatedTime(seconds(c, "min_created_ts", "max_created_ts"))
                .withSettledTime(seconds(c, "min_settled_ts", "max_settled_ts"))
                .withMveFilter(mveFilter(c));
        if (c.query("event_ticker") != null) {
            f = f.withEventTickers(new LinkedHashSet<>(c.queryCsv("event_ticker")));
        }
        if (c.query("tickers") != null) {
            f = f.withTickers(new LinkedHashSet<>(c.queryCsv("tickers")));
        }
        MarketFilter filter = f;
        Instant now = engine.clock().instant();
        Cursors.Page<io.github.kalshi4j.testkit.engine.Market> page = Cursors.page(
                (offset, count) -> engine.listMarkets(filter, offset, count), c.query("cursor"),
                limitZeroMeansDefault(c, 100));
        return Reply.ok(GetMarketsResponse.builder()
                .markets(page.items().stream().map(m -> Models.market(m, now)).toList())
                .cursor(page.nextCursor()).build());
    }

    private static OrderbookCountFp book(Orderbook b) {
        return OrderbookCountFp.builder().yesDollars(levels(b.yes())).noDollars(levels(b.no())).build();
    }

    private static List<List<BigDecimal>> levels(List<PriceLevel> levels) {
        List<List<BigDecimal>> out = new ArrayList<>(levels.size());
        // Kalshi lists levels from the lowest price up.
        for (int i = levels.size() - 1; i >= 0; i--) {
            PriceLevel l = levels.get(i);
            out.add(List.of(Models.price(l.price()), Models.count(l.count())));
        }
        return out;
    }

    private Reply getOrderbook(HttpCall c) {
        int depth = c.queryInt("depth", 0, 0, 100);
        return Reply.ok(GetMarketOrderbookResponse.builder()
                .orderbookFp(book(engine.getOrderbook(c.path("ticker"), depth))).build());
    }

    private Reply getOrderbooks(HttpCall c) {
        List<String> tickers = c.queryAll("tickers");
        if (tickers.isEmpty()) {
            throw ApiError.badRequest("invalid_parameters", "tickers is required");
        }
        List<MarketOrderbookFp> books = new ArrayList<>();
        for (String t : tickers) {
            if (t.isEmpty() || t.contains(",")) {
                throw ApiError.badRequest("invalid_parameters", "tickers must be repeated parameters, one ticker each");
            }
            books.add(MarketOrderbookFp.builder().ticker(t).orderbookFp(book(engine.getOrderbook(t, 0))).build());
        }
        return Reply.ok(GetMarketOrderbooksResponse.builder().orderbooks(books).build());
    }

    private Reply getTrades(HttpCall c) {
        TradeFilter f = TradeFilter.all().withTicker(c.query("ticker")).withCreatedTime(seconds(c, "min_ts", "max_ts"));
        var page = Cursors.newestFirst(engine.listTrades(f), c.query("cursor"), limitZeroMeansDefault(c, 100),
                io.github.kalshi4j.testkit.engine.Trade::sequence);
        return Reply.ok(GetTradesResponse.builder().trades(page.items().stream().map(Models::trade).toList())
                .cursor(page.nextCursor()).build());
    }

    private Reply getEvents(HttpCall c) {
        EventFilter f = EventFilter.all().withSeriesTicker(c.query("series_ticker")).withStatus(status(c))
                .withCloseTime(seconds(c, "min_close_ts", null));
        boolean nested = Boolean.TRUE.equals(c.queryBool("with_nested_markets"));
        Instant now = engine.clock().instant();
        var page = Cursors.page(engine.listEvents(f), c.query("cursor"), c.queryInt("limit", 200, 1, 200));
        List<EventData> events = page.items().stream().map(e -> Models.event(e, nested
                ? e.marketTickers().stream().map(t -> Models.market(engine.getMarket(t), now)).toList() : List.of())).toList();
        return Reply.ok(GetEventsResponse.builder().events(events).cursor(page.nextCursor()).build());
    }

    private Reply getEvent(HttpCall c) {
        var e = engine.getEvent(c.path("event_ticker"));
        Instant now = engine.clock().instant();
        List<Market> markets = e.marketTickers().stream().map(t -> Models.market(engine.getMarket(t), now)).toList();
        boolean nested = Boolean.TRUE.equals(c.queryBool("with_nested_markets"));
        return Reply.ok(GetEventResponse.builder().event(Models.event(e, nested ? markets : List.of()))
                .markets(nested ? List.of() : markets).build());
    }

    // ------------------------------------------------------------------ portfolio

    private Reply getBalance(HttpCall c) {
        var b = engine.getBalance(c.userId());
        return Reply.ok(GetBalanceResponse.builder()
                .balance(Models.cents(b.available()))
                .portfolioValue(Models.cents(b.portfolioValue()))
                .updatedTs(b.updatedTime().getEpochSecond())
                .balanceDollars(Models.money(b.available()))
                .balanceBreakdown(List.of(indexed(b.available())))
                .build());
    }

    private Reply getPositions(HttpCall c) {
        Set<PositionFilter.Field> nonZero = EnumSet.noneOf(PositionFilter.Field.class);
        String countFilter = c.query("count_filter");
        if (countFilter != null) {
            for (String s : countFilter.split(",")) {
                switch (s.trim()) {
                    case "position" -> nonZero.add(PositionFilter.Field.POSITION);
                    case "total_traded" -> nonZero.add(PositionFilter.Field.TOTAL_TRADED);
                    default -> throw ApiError.badRequest("invalid_parameters", "count_filter takes position, total_traded");
                }
            }
        }
        PositionFilter f = new PositionFilter(c.query("ticker"), c.query("event_ticker"), nonZero);
        var page = Cursors.byKey(engine.listMarketPositions(c.userId(), f), c.query("cursor"), limit(c, 100),
                io.github.kalshi4j.testkit.engine.MarketPosition::ticker);
        List<io.github.kalshi4j.model.EventPosition> events = c.query("cursor") == null
                ? engine.listEventPositions(c.userId(), f).stream().map(Models::eventPosition).toList() : List.of();
        return Reply.ok(GetPositionsResponse.builder().marketPositions(page.items().stream().map(Models::position).toList())
                .eventPositions(events).cursor(page.nextCursor()).build());
    }

    private Reply getFills(HttpCall c) {
        FillFilter f = FillFilter.all().withTicker(c.query("ticker")).withOrderId(c.query("order_id"))
                .withCreatedTime(seconds(c, "min_ts", "max_ts"));
        var page = Cursors.newestFirst(engine.listFills(c.userId(), f), c.query("cursor"), limit(c, 100),
                io.github.kalshi4j.testkit.engine.Fill::sequence);
        return Reply.ok(GetFillsResponse.builder().fills(page.items().stream().map(Models::fill).toList())
                .cursor(page.nextCursor()).build());
    }

    private Reply getSettlements(HttpCall c) {
        SettlementFilter f = SettlementFilter.all().withTicker(c.query("ticker")).withEventTicker(c.query("event_ticker"));
        var page = Cursors.newestFirst(engine.listSettlements(c.userId(), f), c.query("cursor"), limit(c, 100),
                io.github.kalshi4j.testkit.engine.Settlement::sequence);
        return Reply.ok(GetSettlementsResponse.builder().settlements(page.items().stream().map(Models::settlement).toList())
                .cursor(page.nextCursor()).build());
    }

    // ------------------------------------------------------------------ orders

    private Reply getOrders(HttpCall c) {
        OrderFilter f = OrderFilter.all().withTicker(c.query("ticker")).withCreatedTime(seconds(c, "min_ts", "max_ts"));
        if (c.query("event_ticker") != null) {
            f = f.withEventTickers(new LinkedHashSet<>(c.queryCsv("event_ticker")));
        }
        if (c.query("status") != null) {
            f = f.withStatus(WireValues.orderStatus(c.query("status")));
        }
        var page = Cursors.newestFirst(engine.listOrders(c.userId(), f), c.query("cursor"), limit(c, 100),
                io.github.kalshi4j.testkit.engine.Order::sequence);
        return Reply.ok(GetOrdersResponse.builder().orders(page.items().stream().map(Models::order).toList())
                .cursor(page.nextCursor()).build());
    }

    /**
     * A legacy integer form (cents when {@code scale} is 2, whole contracts when 0) of a request field. The SDK's
     * request models have no property for it (kalshi4j never sends one), but Kalshi accepts it from other clients,
     * so it is read from the unknown properties the model kept.
     */
    static BigDecimal legacy(Map<String, Object> extras, String field, int scale) {
        Object v = extras.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return FixedPoint.fromUnits(new java.math.BigInteger(v.toString()), scale);
        }
        throw ApiError.badRequest("invalid_parameters", field + " must be an integer");
    }

    /** Kalshi accepts the legacy and the fixed-point form; when both are sent they must match. */
    private static BigDecimal agree(String field, BigDecimal legacy, BigDecimal fixedPoint) {
        if (legacy != null && fixedPoint != null && legacy.compareTo(fixedPoint) != 0) {
            throw ApiError.badRequest("invalid_parameters", field + " and " + field + (field.endsWith("_price") ? "_dollars" : "_fp")
                    + " disagree");
        }
        return fixedPoint != null ? fixedPoint : legacy;
    }

    // ------------------------------------------------------------------ money movements and fee changes

    private static Reply transfers(HttpCall c, List<CashTransfer> all, boolean deposits) {
        // WithdrawalLimitQuery: 1 to 500, default 100, on both listings.
        var page = Cursors.newestFirst(all, c.query("cursor"), c.queryInt("limit", 100, 1, 500), CashTransfer::sequence);
        if (deposits) {
            return Reply.ok(GetDepositsResponse.builder().deposits(page.items().stream().map(Models::deposit).toList())
                    .cursor(page.nextCursor()).build());
        }
        return Reply.ok(GetWithdrawalsResponse.builder().withdrawals(page.items().stream().map(Models::withdrawal).toList())
                .cursor(page.nextCursor()).build());
    }

    private Reply getDeposits(HttpCall c) {
        return transfers(c, engine.listDeposits(c.userId()), true);
    }

    private Reply getWithdrawals(HttpCall c) {
        return transfers(c, engine.listWithdrawals(c.userId()), false);
    }

    private Reply getEventFeeChanges(HttpCall c) {
        var page = Cursors.page(engine.listEventFeeChanges(c.query("event_ticker")), c.query("cursor"), limit(c, 100));
        return Reply.ok(GetEventFeeChangesResponse.builder()
                .eventFeeChanges(page.items().stream().map(Models::eventFeeChange).toList())
                .cursor(page.nextCursor()).build());
    }
}
