package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import io.github.kalshi4j.testkit.engine.Seed.*;

/** Reads seed JSON nodes, treating JSON null like an absent field (as Kalshi's data needs). */
final class SeedReader {

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
        for (Map.Entry<String, JsonNode> e : n.properties()) {
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
