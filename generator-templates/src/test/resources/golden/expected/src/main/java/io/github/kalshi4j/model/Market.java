// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/model.mustache, not this file.
package io.github.kalshi4j.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.kalshi4j.transport.KalshiJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A market.
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class Market {


    /** Values of {@code result}; unknown server values decode as {@link #UNKNOWN}. */
    public enum ResultEnum {

        /** Wire value {@code "yes"}. */
        YES("yes"),

        /** Wire value {@code "no"}. */
        NO("no"),

        /** A value the server sent that this SDK version does not know. */
        UNKNOWN(null);

        private static final Map<String, ResultEnum> BY_VALUE = new HashMap<>();

        static {
            for (ResultEnum v : values()) {
                if (v.value != null) {
                    BY_VALUE.put(v.value, v);
                }
            }
        }

        private final String value;

        ResultEnum(String value) {
            this.value = value;
        }

        /** The wire value, or null for {@link #UNKNOWN}. */
        @JsonValue
        public String value() {
            return value;
        }

        /** The constant for a wire value: {@link #UNKNOWN} when unknown, null when {@code value} is null. */
        @JsonCreator
        public static ResultEnum fromValue(String value) {
            if (value == null) {
                return null;
            }
            ResultEnum v = BY_VALUE.get(value);
            return v == null ? UNKNOWN : v;
        }

        /** The wire value to send, refusing {@link #UNKNOWN}, which has none. */
        public static String toWire(ResultEnum v) {
            if (v == UNKNOWN) {
                throw new IllegalArgumentException("ResultEnum.UNKNOWN has no wire value; pass the raw string instead");
            }
            return v == null ? null : v.value;
        }

        @Override
        public String toString() {
            return value == null ? "UNKNOWN" : value;
        }
    }


    @JsonProperty("ticker")
    private String ticker;

    @JsonProperty("status")
    private String status;

    @JsonProperty("result")
    private String result;

    @JsonProperty("yes_bid_dollars")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal yesBidDollars;

    @JsonProperty("volume_fp")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal volumeFp;

    @JsonProperty("price")
    private Integer price;

    @JsonProperty("price_dollars")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal priceDollars;

    @JsonProperty("notional_value")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal notionalValue;

    @JsonProperty("open_interest")
    private Long openInterest;

    @JsonProperty("close_time")
    @JsonSerialize(using = KalshiJson.DateTimeWriter.class)
    @JsonDeserialize(using = KalshiJson.DateTimeReader.class)
    private OffsetDateTime closeTime;

    @JsonProperty("tags")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private List<String> tags = List.of();

    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private Market() {
    }

    private Market(Builder b) {
        this.ticker = b.ticker;
        this.status = b.status;
        this.result = b.result;
        this.yesBidDollars = b.yesBidDollars;
        this.volumeFp = b.volumeFp;
        this.price = b.price;
        this.priceDollars = b.priceDollars;
        this.notionalValue = b.notionalValue;
        this.openInterest = b.openInterest;
        this.closeTime = b.closeTime;
        this.tags = b.tags;
        this.additionalProperties = b.additionalProperties.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalProperties));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this model's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The {@code ticker} property.
     * <p>JSON {@code ticker}, required.
     */
    public String ticker() {
        return ticker;
    }

    /**
     * The {@code status} property.
     * <p>JSON {@code status}, required.
     */
    public MarketStatus status() {
        return MarketStatus.fromValue(status);
    }

    /** The raw wire value of {@code status}, including values this SDK version does not know. */
    public String statusAsString() {
        return status;
    }

    /**
     * How the market settled.
     * <p>JSON {@code result}.
     */
    public ResultEnum result() {
        return ResultEnum.fromValue(result);
    }

    /** The raw wire value of {@code result}, including values this SDK version does not know. */
    public String resultAsString() {
        return result;
    }

    /**
     * Best yes bid.
     * <p>JSON {@code yes_bid_dollars}.
     */
    public BigDecimal yesBidDollars() {
        return yesBidDollars;
    }

    /** Short for {@link #yesBidDollars()}: {@code yes_bid_dollars} as a decimal. */
    public BigDecimal yesBid() {
        return yesBidDollars;
    }

    /**
     * Contracts traded.
     * <p>JSON {@code volume_fp}.
     */
    public BigDecimal volumeFp() {
        return volumeFp;
    }

    /** Short for {@link #volumeFp()}: {@code volume_fp} as a decimal. */
    public BigDecimal volume() {
        return volumeFp;
    }

    /**
     * Last price in cents.
     * <p>JSON {@code price}.
     */
    @Deprecated
    public Integer price() {
        return price;
    }

    /**
     * Last price in dollars (no short accessor, `price` is taken).
     * <p>JSON {@code price_dollars}.
     */
    public BigDecimal priceDollars() {
        return priceDollars;
    }

    /**
     * A dollar amount as a fixed-point decimal string.
     * <p>JSON {@code notional_value}.
     */
    public BigDecimal notionalValue() {
        return notionalValue;
    }

    /**
     * The {@code open_interest} property.
     * <p>JSON {@code open_interest}.
     */
    public Long openInterest() {
        return openInterest;
    }

    /**
     * The {@code close_time} property.
     * <p>JSON {@code close_time}.
     */
    public OffsetDateTime closeTime() {
        return closeTime;
    }

    /**
     * The server sends null when there are none.
     * <p>JSON {@code tags}, required. Never null.
     */
    public List<String> tags() {
        return tags;
    }

    @JsonSetter("tags")
    private void tagsFromJson(List<String> value) {
        // The server sends null for lists the spec marks required: null and absent both mean empty.
        this.tags = value == null ? List.of() : Collections.unmodifiableList(value);
    }

    /** JSON properties this SDK version does not know, by name; never null. */
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return additionalProperties.isEmpty() ? additionalProperties : Collections.unmodifiableMap(additionalProperties);
    }

    @JsonAnySetter
    private void additionalPropertyFromJson(String name, Object value) {
        if (additionalProperties.isEmpty()) {
            additionalProperties = new LinkedHashMap<>();
        }
        additionalProperties.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Market)) {
            return false;
        }
        Market other = (Market) o;
        return Objects.equals(ticker, other.ticker)
                && Objects.equals(status, other.status)
                && Objects.equals(result, other.result)
                && Objects.equals(yesBidDollars, other.yesBidDollars)
                && Objects.equals(volumeFp, other.volumeFp)
                && Objects.equals(price, other.price)
                && Objects.equals(priceDollars, other.priceDollars)
                && Objects.equals(notionalValue, other.notionalValue)
                && Objects.equals(openInterest, other.openInterest)
                && Objects.equals(closeTime, other.closeTime)
                && Objects.equals(tags, other.tags)
                && Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticker, status, result, yesBidDollars, volumeFp, price, priceDollars, notionalValue, openInterest, closeTime, tags, additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Market{");
        String sep = "";
        if (ticker != null) {
            sb.append(sep).append("ticker=").append(ticker);
            sep = ", ";
        }
        if (status != null) {
            sb.append(sep).append("status=").append(status);
            sep = ", ";
        }
        if (result != null) {
            sb.append(sep).append("result=").append(result);
            sep = ", ";
        }
        if (yesBidDollars != null) {
            sb.append(sep).append("yesBidDollars=").append(yesBidDollars);
            sep = ", ";
        }
        if (volumeFp != null) {
            sb.append(sep).append("volumeFp=").append(volumeFp);
            sep = ", ";
        }
        if (price != null) {
            sb.append(sep).append("price=").append(price);
            sep = ", ";
        }
        if (priceDollars != null) {
            sb.append(sep).append("priceDollars=").append(priceDollars);
            sep = ", ";
        }
        if (notionalValue != null) {
            sb.append(sep).append("notionalValue=").append(notionalValue);
            sep = ", ";
        }
        if (openInterest != null) {
            sb.append(sep).append("openInterest=").append(openInterest);
            sep = ", ";
        }
        if (closeTime != null) {
            sb.append(sep).append("closeTime=").append(closeTime);
            sep = ", ";
        }
        if (tags != null && !tags.isEmpty()) {
            sb.append(sep).append("tags=").append(tags);
            sep = ", ";
        }
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link Market} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private String ticker;
        private String status;
        private String result;
        private BigDecimal yesBidDollars;
        private BigDecimal volumeFp;
        private Integer price;
        private BigDecimal priceDollars;
        private BigDecimal notionalValue;
        private Long openInterest;
        private OffsetDateTime closeTime;
        private List<String> tags = List.of();
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(Market m) {
            this.ticker = m.ticker;
            this.status = m.status;
            this.result = m.result;
            this.yesBidDollars = m.yesBidDollars;
            this.volumeFp = m.volumeFp;
            this.price = m.price;
            this.priceDollars = m.priceDollars;
            this.notionalValue = m.notionalValue;
            this.openInterest = m.openInterest;
            this.closeTime = m.closeTime;
            this.tags = m.tags;
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
        }

        /** Sets {@code ticker}. */
        public Builder ticker(String value) {
            this.ticker = value;
            return this;
        }

        /** Sets {@code status}. */
        public Builder status(MarketStatus value) {
            this.status = MarketStatus.toWire(value);
            return this;
        }

        /** Sets {@code status} from its raw wire value. */
        public Builder status(String value) {
            this.status = value;
            return this;
        }

        /** Sets {@code result}: How the market settled. */
        public Builder result(ResultEnum value) {
            this.result = ResultEnum.toWire(value);
            return this;
        }

        /** Sets {@code result} from its raw wire value. */
        public Builder result(String value) {
            this.result = value;
            return this;
        }

        /** Sets {@code yes_bid_dollars}: Best yes bid. */
        public Builder yesBidDollars(BigDecimal value) {
            this.yesBidDollars = KalshiJson.checkFixedPoint("yes_bid_dollars", value);
            return this;
        }

        /**
         * Sets {@code yes_bid_dollars} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder yesBidDollars(String value) {
            this.yesBidDollars = KalshiJson.decimal("yes_bid_dollars", value);
            return this;
        }

        /** Short for {@link #yesBidDollars(BigDecimal)}. */
        public Builder yesBid(BigDecimal value) {
            return yesBidDollars(value);
        }

        /** Short for {@link #yesBidDollars(String)}. */
        public Builder yesBid(String value) {
            return yesBidDollars(value);
        }

        /** Sets {@code volume_fp}: Contracts traded. */
        public Builder volumeFp(BigDecimal value) {
            this.volumeFp = KalshiJson.checkFixedPoint("volume_fp", value);
            return this;
        }

        /**
         * Sets {@code volume_fp} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder volumeFp(String value) {
            this.volumeFp = KalshiJson.decimal("volume_fp", value);
            return this;
        }

        /** Short for {@link #volumeFp(BigDecimal)}. */
        public Builder volume(BigDecimal value) {
            return volumeFp(value);
        }

        /** Short for {@link #volumeFp(String)}. */
        public Builder volume(String value) {
            return volumeFp(value);
        }

        /** Sets {@code price}: Last price in cents. */
        public Builder price(Integer value) {
            this.price = value;
            return this;
        }

        /** Sets {@code price_dollars}: Last price in dollars (no short accessor, `price` is taken). */
        public Builder priceDollars(BigDecimal value) {
            this.priceDollars = KalshiJson.checkFixedPoint("price_dollars", value);
            return this;
        }

        /**
         * Sets {@code price_dollars} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder priceDollars(String value) {
            this.priceDollars = KalshiJson.decimal("price_dollars", value);
            return this;
        }

        /** Sets {@code notional_value}: A dollar amount as a fixed-point decimal string. */
        public Builder notionalValue(BigDecimal value) {
            this.notionalValue = KalshiJson.checkFixedPoint("notional_value", value);
            return this;
        }

        /**
         * Sets {@code notional_value} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder notionalValue(String value) {
            this.notionalValue = KalshiJson.decimal("notional_value", value);
            return this;
        }

        /** Sets {@code open_interest}. */
        public Builder openInterest(Long value) {
            this.openInterest = value;
            return this;
        }

        /** Sets {@code close_time}. */
        public Builder closeTime(OffsetDateTime value) {
            this.closeTime = value;
            return this;
        }

        /** Sets {@code tags}: The server sends null when there are none. */
        public Builder tags(List<String> value) {
            this.tags = value == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(value));
            return this;
        }

        /** Appends one element to {@code tags}. */
        public Builder addTags(String item) {
            List<String> copy = new ArrayList<>(this.tags);
            copy.add(item);
            this.tags = Collections.unmodifiableList(copy);
            return this;
        }

        /** Adds a JSON property this SDK version does not model; it is written as given. */
        public Builder additionalProperty(String name, Object value) {
            this.additionalProperties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Replaces all extra JSON properties. */
        public Builder additionalProperties(Map<String, Object> values) {
            this.additionalProperties = new LinkedHashMap<>(values == null ? Map.of() : values);
            return this;
        }

        /**
         * The immutable model.
         *
         * @throws IllegalArgumentException when a number is out of the spec's range (as the endpoints'
         *     parameter builders do)
         */
        public Market build() {
            return new Market(this);
        }
    }
}

