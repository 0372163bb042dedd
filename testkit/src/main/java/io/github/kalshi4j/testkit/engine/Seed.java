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
        SeedReader r = new SeedReader();
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
}
