package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reference data an {@link Exchange} starts from: series, events, multivariate collections,
 * markets (with optional initial resting liquidity) and accounts. The JSON format is described in
 * {@code SEED-FORMAT.md}; {@link #defaultSeed()} is a realistic seed with more than 50 markets.
 *
 * <p>The constructor checks referential integrity (events name known series, markets known events,
 * combo legs known markets, ...), so a {@code Seed} that exists is consistent.
 *
 * @param series                  series, in listing order
 * @param events                  events, in listing order
 * @param multivariateCollections multivariate event collections
 * @param markets                 markets, in listing order
 * @param accounts                member accounts
 * @param liquidityAccount        member id owning the markets' initial resting liquidity, or null
 *                                when no market has any
 * @param eventFeeChanges         scheduled event fee overrides, in listing order
 * @param endpointCosts           endpoints whose rate-limit token cost differs from the default
 * @param indexFeeds              the index values the WebSocket index channels stream
 */
public record Seed(
        List<SeriesSpec> series,
        List<EventSpec> events,
        List<CollectionSpec> multivariateCollections,
        List<MarketSpec> markets,
        List<AccountSpec> accounts,
        String liquidityAccount,
        List<FeeChangeSpec> eventFeeChanges,
        List<EndpointCostSpec> endpointCosts,
        IndexFeedSpec indexFeeds) {

    /** Classpath location of the default seed. */
    public static final String DEFAULT_RESOURCE = "io/github/kalshi4j/testkit/default-seed.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException when tickers or ids repeat or a reference is unknown
     */
    public Seed {
        series = List.copyOf(series);
        events = List.copyOf(events);
        multivariateCollections = List.copyOf(multivariateCollections);
        markets = List.copyOf(markets);
        accounts = List.copyOf(accounts);
        eventFeeChanges = List.copyOf(eventFeeChanges);
        endpointCosts = List.copyOf(endpointCosts);
        indexFeeds = indexFeeds == null ? IndexFeedSpec.NONE : indexFeeds;
        validate(series, events, multivariateCollections, markets, accounts, liquidityAccount);
        Set<String> eventTickers = new HashSet<>();
        events.forEach(e -> eventTickers.add(e.eventTicker()));
        for (FeeChangeSpec change : eventFeeChanges) {
            require(eventTickers.contains(change.eventTicker()),
                    "event fee change: unknown event_ticker '" + change.eventTicker() + "'");
        }
        Set<String> endpoints = new HashSet<>();
        for (EndpointCostSpec cost : endpointCosts) {
            require(cost.cost() >= 0, "endpoint cost of " + cost.method() + " " + cost.path() + " must not be negative");
            require(endpoints.add(cost.method() + " " + cost.path()),
                    "duplicate endpoint cost for " + cost.method() + " " + cost.path());
        }
    }

    /**
     * A seed without event fee changes, endpoint costs or index feeds.
     *
     * @throws IllegalArgumentException when tickers or ids repeat or a reference is unknown
     */
    public Seed(List<SeriesSpec> series, List<EventSpec> events, List<CollectionSpec> multivariateCollections,
            List<MarketSpec> markets, List<AccountSpec> accounts, String liquidityAccount) {
        this(series, events, multivariateCollections, markets, accounts, liquidityAccount, List.of(), List.of(),
                IndexFeedSpec.NONE);
    }

    /**
     * A scheduled change of an event's fee override (Kalshi's {@code EventFeeChange}).
     *
     * @param eventTicker           the event it applies to
     * @param feeTypeOverride       fee structure from then on, or null for the series'
     * @param feeMultiplierOverride fee multiplier from then on, or null for the series'
     * @param scheduled             when it takes effect
     */
    public record FeeChangeSpec(String eventTicker, FeeType feeTypeOverride, BigDecimal feeMultiplierOverride,
            SeedTime scheduled) {
    }

    /**
     * The rate-limit token cost of one endpoint, where it differs from the default.
     *
     * @param method HTTP method, upper case
     * @param path   the spec's path template, e.g. {@code /portfolio/events/orders/{order_id}}
     * @param cost   tokens one request takes from its bucket
     */
    public record EndpointCostSpec(String method, String path, int cost) {
    }

    /**
     * The index values the WebSocket index channels stream, each with its starting value.
     *
     * @param cfBenchmarks      CF Benchmarks index ids ({@code cfbenchmarks_value}) and their starting values in USD
     * @param cfBenchmarks5Hz   the index ids also on the 5 Hz feed ({@code cfbenchmarks_value_5hz}), a subset of
     *                          {@code cfBenchmarks}
     * @param pyth              Pyth underlying tickers ({@code pyth_value}) and their starting values in USD
     */
    public record IndexFeedSpec(Map<String, BigDecimal> cfBenchmarks, List<String> cfBenchmarks5Hz,
            Map<String, BigDecimal> pyth) {

        /** No index feeds. */
        public static final IndexFeedSpec NONE = new IndexFeedSpec(Map.of(), List.of(), Map.of());

        /** Copies the collections, keeping their order. */
        public IndexFeedSpec {
            cfBenchmarks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cfBenchmarks));
            cfBenchmarks5Hz = List.copyOf(cfBenchmarks5Hz);
            pyth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pyth));
            for (String id : cfBenchmarks5Hz) {
                require(cfBenchmarks.containsKey(id), "index_feeds.cfbenchmarks_5hz: '" + id
                        + "' is not one of the cfbenchmarks indices");
            }
        }
    }

    /**
     * A deposit or withdrawal in an account's history (Kalshi's {@code Deposit} / {@code Withdrawal}). History only:
     * the account's {@code balance} is its cash, whatever the history says.
     *
     * @param id        id, or null for one derived from the account and position in the list
     * @param status    pending, applied, failed or returned
     * @param type      payment method: ach, wire, crypto, debit or apm
     * @param amount    amount in dollars
     * @param fee       fee in dollars
     * @param created   when it was created
     * @param finalized when it was finalized, or null (a pending one never is)
     */
    public record TransferSpec(String id, String status, String type, BigDecimal amount, BigDecimal fee,
            SeedTime created, SeedTime finalized) {
    }

    /**
     * A series.
     *
     * @param ticker            series ticker
     * @param title             title
     * @param category          category
     * @param frequency         frequency text (default "custom")
     * @param tags              tags
     * @param feeType           fee structure (default quadratic)
     * @param feeMultiplier     fee multiplier (default 1)
     * @param settlementSources result sources
     * @param contractUrl       contract filing URL (default "")
     * @param contractTermsUrl  contract terms URL (default "")
     */
    public record SeriesSpec(
            String ticker,
            String title,
            String category,
            String frequency,
            List<String> tags,
            FeeType feeType,
            BigDecimal feeMultiplier,
            List<SettlementSource> settlementSources,
            String contractUrl,
            String contractTermsUrl) {

        /** Copies the lists. */
        public SeriesSpec {
            tags = List.copyOf(tags);
            settlementSources = List.copyOf(settlementSources);
        }
    }

    /**
     * An event.
     *
     * @param eventTicker          event ticker
     * @param seriesTicker         series ticker
     * @param title                title
     * @param subTitle             short title (default "")
     * @param category             category, or null to use the series'
     * @param mutuallyExclusive    at most one market resolves YES (default false)
     * @param strikeDate           date the event is about, or null
     * @param strikePeriod         period the event covers, or null
     * @param collateralReturnType collateral return type (default "MECNET" for mutually exclusive
     *                             events, "" otherwise)
     * @param mveCollectionTicker  collection a combo event belongs to, or null
     */
    public record EventSpec(
            String eventTicker,
            String seriesTicker,
            String title,
            String subTitle,
            String category,
            boolean mutuallyExclusive,
            SeedTime strikeDate,
            String strikePeriod,
            String collateralReturnType,
            String mveCollectionTicker) {
    }

    /**
     * A multivariate event collection.
     *
     * @param collectionTicker       collection ticker
     * @param seriesTicker           series of the combo events
     * @param title                  title
     * @param description            description (default "")
     * @param openDate               open date (default: exchange start minus one day)
     * @param closeDate              close date (default: exchange start plus 30 days)
     * @param associatedEventTickers events whose markets can be combined
     * @param ordered                leg order matters (default false)
     * @param allYes                 only YES legs allowed (default false)
     * @param singleMarketPerEvent   one market per event (default true)
     * @param sizeMin                minimum legs (default 2)
     * @param sizeMax                maximum legs (default: number of associated events)
     * @param functionalDescription  how the legs determine the result (default "")
     */
    public record CollectionSpec(
            String collectionTicker,
            String seriesTicker,
            String title,
            String description,
            SeedTime openDate,
            SeedTime closeDate,
            List<String> associatedEventTickers,
            boolean ordered,
            boolean allYes,
            boolean singleMarketPerEvent,
            int sizeMin,
            int sizeMax,
            String functionalDescription) {

        /** Copies the list. */
        public CollectionSpec {
            associatedEventTickers = List.copyOf(associatedEventTickers);
        }
    }

    /**
     * One resting bid placed when the exchange starts.
     *
     * @param side  side of the bid
     * @param price bid price of that side in dollars
     * @param count contracts
     */
    public record LiquiditySpec(Side side, BigDecimal price, BigDecimal count) {
    }

    /**
     * A market.
     *
     * @param ticker                   market ticker
     * @param eventTicker              event ticker
     * @param title                    title (default: the event's title)
     * @param subtitle                 subtitle (default "")
     * @param yesSubTitle              YES side title (default "")
     * @param noSubTitle               NO side title (default "")
     * @param status                   seeded status, or null to derive it from the times
     * @param result                   result of a seeded settled market, else null
     * @param createdTime              creation time (default: the open time)
     * @param openTime                 open time (default {@code -P1D})
     * @param closeTime                close time (default {@code +P30D})
     * @param expirationTime           latest expiration (default: the close time)
     * @param expectedExpirationTime   expected expiration, or null
     * @param rulesPrimary             main rule (default "")
     * @param rulesSecondary           secondary rules (default "")
     * @param canCloseEarly            may close early (default true)
     * @param fractionalTradingEnabled accepts fractional counts (default true)
     * @param priceLevelStructure      "linear_cent" (default), "deci_cent" or "tapered_deci_cent"
     * @param strikeType               strike type, or null
     * @param floorStrike              floor strike, or null
     * @param capStrike                cap strike, or null
     * @param settlementTimerSeconds   settlement timer (default 300)
     * @param lastPrice                last price before the exchange starts, or null
     * @param mveCollectionTicker      collection of a combo market, or null
     * @param mveSelectedLegs          legs of a combo market
     * @param initialLiquidity         bids placed for the liquidity account at start
     */
    public record MarketSpec(
            String ticker,
            String eventTicker,
            String title,
            String subtitle,
            String yesSubTitle,
            String noSubTitle,
            MarketStatus status,
            Side result,
            SeedTime createdTime,
            SeedTime openTime,
            SeedTime closeTime,
            SeedTime expirationTime,
            SeedTime expectedExpirationTime,
            String rulesPrimary,
            String rulesSecondary,
            boolean canCloseEarly,
            boolean fractionalTradingEnabled,
            String priceLevelStructure,
            String strikeType,
            BigDecimal floorStrike,
            BigDecimal capStrike,
            int settlementTimerSeconds,
            BigDecimal lastPrice,
            String mveCollectionTicker,
            List<MveLeg> mveSelectedLegs,
            List<LiquiditySpec> initialLiquidity) {

        /** Copies the lists. */
        public MarketSpec {
            mveSelectedLegs = List.copyOf(mveSelectedLegs);
            initialLiquidity = List.copyOf(initialLiquidity);
        }
    }

    /**
     * A member account.
     *
     * @param userId       member id
     * @param apiKeyId     API key id
     * @param publicKeyPem PEM public key, or null
     * @param balance      starting cash in dollars
     * @param tier         API tier (default "basic")
     * @param name         display name (default: the member id)
     * @param deposits     deposit history, oldest first
     * @param withdrawals  withdrawal history, oldest first
     */
    public record AccountSpec(
            String userId,
            String apiKeyId,
            String publicKeyPem,
            BigDecimal balance,
            String tier,
            String name,
            List<TransferSpec> deposits,
            List<TransferSpec> withdrawals) {

        /** Copies the lists. */
        public AccountSpec {
            deposits = List.copyOf(deposits);
            withdrawals = List.copyOf(withdrawals);
        }

        /** An account without deposit or withdrawal history. */
        public AccountSpec(String userId, String apiKeyId, String publicKeyPem, BigDecimal balance, String tier,
                String name) {
            this(userId, apiKeyId, publicKeyPem, balance, tier, name, List.of(), List.of());
        }
    }

    /**
     * Loads a seed from JSON.
     *
     * @throws IllegalArgumentException when the JSON is malformed, a field is invalid or a
     *                                  reference is unknown (the message names the field)
     * @throws UncheckedIOException     when the stream cannot be read
     */
    public static Seed load(InputStream json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a seed from a JSON string; see {@link #load(InputStream)}. */
    public static Seed parse(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The default seed, from the classpath resource {@value #DEFAULT_RESOURCE}. Parsed once per class loader and
     * shared: a seed is immutable (relative times are resolved when an exchange is built, not here), and a suite that
     * starts many exchanges should not parse it for each.
     */
    public static Seed defaultSeed() {
        return DefaultSeed.INSTANCE;
    }

    /** Lazy holder: the resource is parsed on first use only. */
    private static final class DefaultSeed {
        static final Seed INSTANCE = loadDefault();
    }

    private static Seed loadDefault() {
        try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default seed resource missing: " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Seed fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("seed must be a JSON object");
        }
        Reader r = new Reader();
        List<SeriesSpec> series = r.list(root, "series", r::series);
        List<EventSpec> events = r.list(root, "events", r::event);
        List<CollectionSpec> collections = r.list(root, "multivariate_collections", r::collection);
        List<MarketSpec> markets = r.list(root, "markets", r::market);
        List<AccountSpec> accounts = r.list(root, "accounts", r::account);
        String liquidityAccount = r.text(root, "liquidity_account", null, "");
        List<FeeChangeSpec> feeChanges = r.list(root, "event_fee_changes", r::feeChange);
        List<EndpointCostSpec> costs = r.list(root, "endpoint_costs", r::endpointCost);
        return new Seed(series, events, collections, markets, accounts, liquidityAccount, feeChanges, costs,
                r.indexFeeds(root));
    }

    private static void validate(
            List<SeriesSpec> series,
            List<EventSpec> events,
            List<CollectionSpec> collections,
            List<MarketSpec> markets,
            List<AccountSpec> accounts,
            String liquidityAccount) {
        Set<String> seriesTickers = unique(series, SeriesSpec::ticker, "series ticker");
        Set<String> eventTickers = unique(events, EventSpec::eventTicker, "event ticker");
        Set<String> collectionTickers = unique(collections, CollectionSpec::collectionTicker, "collection ticker");
        Set<String> marketTickers = unique(markets, MarketSpec::ticker, "market ticker");
        Set<String> userIds = unique(accounts, AccountSpec::userId, "account member_id");
        unique(accounts, AccountSpec::apiKeyId, "account api_key_id");
        for (EventSpec e : events) {
            require(seriesTickers.contains(e.seriesTicker()),
                    "event " + e.eventTicker() + ": unknown series_ticker '" + e.seriesTicker() + "'");
            require(e.mveCollectionTicker() == null || collectionTickers.contains(e.mveCollectionTicker()),
                    "event " + e.eventTicker() + ": unknown mve_collection_ticker '" + e.mveCollectionTicker() + "'");
        }
        for (CollectionSpec c : collections) {
            require(seriesTickers.contains(c.seriesTicker()),
                    "collection " + c.collectionTicker() + ": unknown series_ticker '" + c.seriesTicker() + "'");
            for (String eventTicker : c.associatedEventTickers()) {
                require(eventTickers.contains(eventTicker),
                        "collection " + c.collectionTicker() + ": unknown associated event '" + eventTicker + "'");
            }
            require(c.sizeMin() >= 1 && c.sizeMin() <= c.sizeMax(),
                    "collection " + c.collectionTicker() + ": need 1 <= size_min <= size_max");
        }
        boolean anyLiquidity = false;
        for (MarketSpec m : markets) {
            require(eventTickers.contains(m.eventTicker()),
                    "market " + m.ticker() + ": unknown event_ticker '" + m.eventTicker() + "'");
            require(m.mveCollectionTicker() == null || collectionTickers.contains(m.mveCollectionTicker()),
                    "market " + m.ticker() + ": unknown mve_collection_ticker '" + m.mveCollectionTicker() + "'");
            for (MveLeg leg : m.mveSelectedLegs()) {
                require(marketTickers.contains(leg.marketTicker()),
                        "market " + m.ticker() + ": leg names unknown market '" + leg.marketTicker() + "'");
            }
            require(m.status() != MarketStatus.FINALIZED || m.result() != null,
                    "market " + m.ticker() + ": a finalized market needs a result");
            anyLiquidity |= !m.initialLiquidity().isEmpty();
        }
        if (anyLiquidity) {
            require(liquidityAccount != null, "markets have initial_liquidity but liquidity_account is not set");
        }
        require(liquidityAccount == null || userIds.contains(liquidityAccount),
                "liquidity_account '" + liquidityAccount + "' is not a seeded account");
    }

    private static <T> Set<String> unique(List<T> items, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            require(value != null && !value.isBlank(), what + " is required");
            require(seen.add(value), "duplicate " + what + " '" + value + "'");
        }
        return seen;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid seed: " + message);
        }
    }

    /** Reads seed JSON nodes, treating JSON null like an absent field (as Kalshi's data needs). */
    private static final class Reader {

        <T> List<T> list(JsonNode parent, String field, BiFunction<JsonNode, String, T> item) {
            JsonNode node = parent.get(field);
            List<T> result = new ArrayList<>();
            if (node == null || node.isNull()) {
                return result;
            }
            if (!node.isArray()) {
                throw new IllegalArgumentException("invalid seed: " + field + " must be an array");
            }
            for (int i = 0; i < node.size(); i++) {
                String path = field + "[" + i + "]";
                JsonNode element = node.get(i);
                if (!element.isObject()) {
                    throw new IllegalArgumentException("invalid seed: " + path + " must be an object");
                }
                result.add(item.apply(element, path));
            }
            return result;
        }

        SeriesSpec series(JsonNode n, String path) {
            return new SeriesSpec(
                    required(n, "ticker", path),
                    required(n, "title", path),
                    required(n, "category", path),
                    text(n, "frequency", "custom", path),
                    strings(n, "tags", path),
                    parse(n, "fee_type", path, FeeType.QUADRATIC, FeeType::fromWire),
                    decimal(n, "fee_multiplier", BigDecimal.ONE, path),
                    sources(n, path),
                    text(n, "contract_url", "", path),
                    text(n, "contract_terms_url", "", path));
        }

        EventSpec event(JsonNode n, String path) {
            boolean mutuallyExclusive = bool(n, "mutually_exclusive", false, path);
            return new EventSpec(
                    required(n, "event_ticker", path),
                    required(n, "series_ticker", path),
                    required(n, "title", path),
                    text(n, "sub_title", "", path),
                    text(n, "category", null, path),
                    mutuallyExclusive,
                    time(n, "strike_date", null, path),
                    text(n, "strike_period", null, path),
                    text(n, "collateral_return_type", mutuallyExclusive ? "MECNET" : "", path),
                    text(n, "mve_collection_ticker", null, path));
        }

        CollectionSpec collection(JsonNode n, String path) {
            List<String> associated = strings(n, "associated_event_tickers", path);
            return new CollectionSpec(
                    required(n, "collection_ticker", path),
                    required(n, "series_ticker", path),
                    required(n, "title", path),
                    text(n, "description", "", path),
                    time(n, "open_date", "-P1D", path),
                    time(n, "close_date", "+P30D", path),
                    associated,
                    bool(n, "is_ordered", false, path),
                    bool(n, "is_all_yes", false, path),
                    bool(n, "is_single_market_per_event", true, path),
                    integer(n, "size_min", 2, path),
                    integer(n, "size_max", Math.max(2, associated.size()), path),
                    text(n, "functional_description", "", path));
        }

        MarketSpec market(JsonNode n, String path) {
            SeedTime open = time(n, "open_time", "-P1D", path);
            SeedTime close = time(n, "close_time", "+P30D", path);
            SeedTime created = time(n, "created_time", null, path);
            SeedTime expiration = time(n, "expiration_time", null, path);
            return new MarketSpec(
                    required(n, "ticker", path),
                    required(n, "event_ticker", path),
                    text(n, "title", null, path),
                    text(n, "subtitle", "", path),
                    text(n, "yes_sub_title", "", path),
                    text(n, "no_sub_title", "", path),
                    parse(n, "status", path, null, MarketStatus::fromWire),
                    parse(n, "result", path, null, v -> v.isEmpty() ? null : WireValues.side(v)),
                    created != null ? created : open,
                    open,
                    close,
                    expiration != null ? expiration : close,
                    time(n, "expected_expiration_time", null, path),
                    text(n, "rules_primary", "", path),
                    text(n, "rules_secondary", "", path),
                    bool(n, "can_close_early", true, path),
                    bool(n, "fractional_trading_enabled", true, path),
                    priceLevelStructure(n, path),
                    text(n, "strike_type", null, path),
                    decimal(n, "floor_strike", null, path),
                    decimal(n, "cap_strike", null, path),
                    integer(n, "settlement_timer_seconds", 300, path),
                    decimal(n, "last_price", null, path),
                    text(n, "mve_collection_ticker", null, path),
                    legs(n, path),
                    liquidity(n, path));
        }

        AccountSpec account(JsonNode n, String path) {
            String userId = required(n, "member_id", path);
            BigDecimal balance = decimal(n, "balance", BigDecimal.ZERO, path);
            if (balance.signum() < 0) {
                throw new IllegalArgumentException("invalid seed: " + path + ".balance must not be negative");
            }
            return new AccountSpec(
                    userId,
                    required(n, "api_key_id", path),
                    text(n, "public_key_pem", null, path),
                    FixedPoint.money(balance),
                    text(n, "tier", "basic", path),
                    text(n, "name", userId, path),
                    list(n, "deposits", (t, tPath) -> transfer(t, path + "." + tPath)),
                    list(n, "withdrawals", (t, tPath) -> transfer(t, path + "." + tPath)));
        }

        private static final Set<String> TRANSFER_STATUSES = Set.of("pending", "applied", "failed", "returned");
        private static final Set<String> TRANSFER_TYPES = Set.of("ach", "wire", "crypto", "debit", "apm");

        private TransferSpec transfer(JsonNode n, String path) {
            String status = text(n, "status", "applied", path);
            String type = text(n, "type", "ach", path);
            if (!TRANSFER_STATUSES.contains(status)) {
                throw new IllegalArgumentException("invalid seed: " + path + ".status must be one of " + TRANSFER_STATUSES);
            }
            if (!TRANSFER_TYPES.contains(type)) {
                throw new IllegalArgumentException("invalid seed: " + path + ".type must be one of " + TRANSFER_TYPES);
            }
            BigDecimal amount = decimal(n, "amount", null, path);
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("invalid seed: " + path + ".amount must be a positive number of dollars");
            }
            BigDecimal fee = decimal(n, "fee", BigDecimal.ZERO, path);
            if (fee.signum() < 0) {
                throw new IllegalArgumentException("invalid seed: " + path + ".fee must not be negative");
            }
            SeedTime created = time(n, "created_time", "-P7D", path);
            SeedTime finalized = time(n, "finalized_time", status.equals("pending") ? null
                    : n.hasNonNull("created_time") ? n.get("created_time").asText() : "-P7D", path);
            if (status.equals("pending") && finalized != null) {
                throw new IllegalArgumentException("invalid seed: " + path + ": a pending transfer has no finalized_time");
            }
            return new TransferSpec(text(n, "id", null, path), status, type, amount, fee, created, finalized);
        }

        FeeChangeSpec feeChange(JsonNode n, String path) {
            BigDecimal multiplier = decimal(n, "fee_multiplier_override", null, path);
            if (multiplier != null && multiplier.signum() < 0) {
                throw new IllegalArgumentException("invalid seed: " + path + ".fee_multiplier_override must not be negative");
            }
            return new FeeChangeSpec(
                    required(n, "event_ticker", path),
                    parse(n, "fee_type_override", path, null, FeeType::fromWire),
                    multiplier,
                    time(n, "scheduled_time", "-P1D", path));
        }

        EndpointCostSpec endpointCost(JsonNode n, String path) {
            String method = required(n, "method", path).toUpperCase(java.util.Locale.ROOT);
            String endpoint = required(n, "path", path);
            if (!endpoint.startsWith("/")) {
                throw new IllegalArgumentException("invalid seed: " + path + ".path must start with /");
            }
            return new EndpointCostSpec(method, endpoint, integer(n, "cost", -1, path));
        }

        IndexFeedSpec indexFeeds(JsonNode root) {
            JsonNode n = root.get("index_feeds");
            if (n == null || n.isNull()) {
                return IndexFeedSpec.NONE;
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("invalid seed: index_feeds must be an object");
            }
            return new IndexFeedSpec(values(n, "cfbenchmarks"), strings(n, "cfbenchmarks_5hz", "index_feeds"),
                    values(n, "pyth"));
        }

        private Map<String, BigDecimal> values(JsonNode feeds, String field) {
            Map<String, BigDecimal> result = new java.util.LinkedHashMap<>();
            JsonNode n = feeds.get(field);
            if (n == null || n.isNull()) {
                return result;
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException("invalid seed: index_feeds." + field
                        + " must map ids to starting values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                BigDecimal value = decimal(n, e.getKey(), null, "index_feeds." + field);
                if (value == null || value.signum() <= 0) {
                    throw new IllegalArgumentException("invalid seed: index_feeds." + field + "." + e.getKey()
                            + " must be a positive number");
                }
                result.put(e.getKey(), value);
            }
            return result;
        }

        private String priceLevelStructure(JsonNode n, String path) {
            String value = text(n, "price_level_structure", "linear_cent", path);
            if (!PriceStructures.isKnown(value)) {
                throw new IllegalArgumentException("invalid seed: " + path + ".price_level_structure '" + value
                        + "' is not one of " + PriceStructures.NAMES);
            }
            return value;
        }

        private List<MveLeg> legs(JsonNode n, String path) {
            return list(n, "mve_selected_legs", (leg, legPath) -> new MveLeg(
                    required(leg, "event_ticker", path + "." + legPath),
                    required(leg, "market_ticker", path + "." + legPath),
                    parse(leg, "side", path + "." + legPath, Side.YES, WireValues::side)));
        }

        private List<LiquiditySpec> liquidity(JsonNode n, String path) {
            return list(n, "initial_liquidity", (bid, bidPath) -> {
                String at = path + "." + bidPath;
                BigDecimal price = decimal(bid, "price", null, at);
                BigDecimal count = decimal(bid, "count", null, at);
                if (price == null || count == null) {
                    throw new IllegalArgumentException("invalid seed: " + at + " needs price and count");
                }
                return new LiquiditySpec(parse(bid, "side", at, null, WireValues::side), price, count);
            });
        }

        private List<SettlementSource> sources(JsonNode n, String path) {
            return list(n, "settlement_sources", (source, sourcePath) -> new SettlementSource(
                    text(source, "name", "", path + "." + sourcePath),
                    text(source, "url", "", path + "." + sourcePath)));
        }

        String required(JsonNode n, String field, String path) {
            String value = text(n, field, null, path);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " is required");
            }
            return value;
        }

        String text(JsonNode n, String field, String fallback, String path) {
            JsonNode node = n.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " must be a string");
            }
            return node.asText();
        }

        private boolean bool(JsonNode n, String field, boolean fallback, String path) {
            JsonNode node = n.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " must be true or false");
            }
            return node.booleanValue();
        }

        private int integer(JsonNode n, String field, int fallback, String path) {
            JsonNode node = n.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " must be an integer");
            }
            return node.intValue();
        }

        private BigDecimal decimal(JsonNode n, String field, BigDecimal fallback, String path) {
            String value = text(n, field, null, path);
            if (value == null) {
                return fallback;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " is not a number: '" + value + "'");
            }
        }

        private SeedTime time(JsonNode n, String field, String fallback, String path) {
            String value = text(n, field, fallback, path);
            if (value == null) {
                return null;
            }
            try {
                return SeedTime.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + ": " + e.getMessage(), e);
            }
        }

        private List<String> strings(JsonNode n, String field, String path) {
            JsonNode node = n.get(field);
            List<String> result = new ArrayList<>();
            if (node == null || node.isNull()) {
                return result;
            }
            if (!node.isArray()) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + " must be an array of strings");
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                result.add(it.next().asText());
            }
            return result;
        }

        private <T> T parse(JsonNode n, String field, String path, T fallback, Function<String, T> parser) {
            String value = text(n, field, null, path);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value);
            } catch (ExchangeException e) {
                throw new IllegalArgumentException("invalid seed: " + path + "." + field + ": " + e.getMessage(), e);
            }
        }
    }

    /** Maps the named price level structures to their price ranges. */
    static final class PriceStructures {
        static final Set<String> NAMES = Set.of("linear_cent", "deci_cent", "tapered_deci_cent");
        private static final Map<String, List<PriceRange>> RANGES = Map.of(
                "linear_cent", List.of(range("0.0000", "1.0000", "0.0100")),
                "deci_cent", List.of(range("0.0000", "1.0000", "0.0010")),
                "tapered_deci_cent", List.of(
                        range("0.0000", "0.1000", "0.0010"),
                        range("0.1000", "0.9000", "0.0100"),
                        range("0.9000", "1.0000", "0.0010")));

        private PriceStructures() {
        }

        static boolean isKnown(String name) {
            return NAMES.contains(name);
        }

        static List<PriceRange> ranges(String name) {
            return RANGES.get(name);
        }

        private static PriceRange range(String start, String end, String step) {
            return new PriceRange(new BigDecimal(start), new BigDecimal(end), new BigDecimal(step));
        }
    }
}
