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
 * CreateOrderRequest (CreateOrderRequest in the spec).
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 *
 * <p>Kalshi also accepts the legacy integer properties {@code count, yes_price} in this request; kalshi4j sends only their
 * fixed-point siblings, so the short names ({@code count}, {@code yesPrice}, ...) set and read the decimal forms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class CreateOrderRequest {


    /** Values of {@code side}; unknown server values decode as {@link #UNKNOWN}. */
    public enum SideEnum {

        /** Wire value {@code "yes"}. */
        YES("yes"),

        /** Wire value {@code "no"}. */
        NO("no"),

        /** A value the server sent that this SDK version does not know. */
        UNKNOWN(null);

        private static final Map<String, SideEnum> BY_VALUE = new HashMap<>();

        static {
            for (SideEnum v : values()) {
                if (v.value != null) {
                    BY_VALUE.put(v.value, v);
                }
            }
        }

        private final String value;

        SideEnum(String value) {
            this.value = value;
        }

        /** The wire value, or null for {@link #UNKNOWN}. */
        @JsonValue
        public String value() {
            return value;
        }

        /** The constant for a wire value: {@link #UNKNOWN} when unknown, null when {@code value} is null. */
        @JsonCreator
        public static SideEnum fromValue(String value) {
            if (value == null) {
                return null;
            }
            SideEnum v = BY_VALUE.get(value);
            return v == null ? UNKNOWN : v;
        }

        /** The wire value to send, refusing {@link #UNKNOWN}, which has none. */
        public static String toWire(SideEnum v) {
            if (v == UNKNOWN) {
                throw new IllegalArgumentException("SideEnum.UNKNOWN has no wire value; pass the raw string instead");
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

    @JsonProperty("side")
    private String side;

    @JsonProperty("count_fp")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal countFp;

    @JsonProperty("yes_price_dollars")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal yesPriceDollars;

    @JsonProperty("expiration_ts")
    private Long expirationTs;

    @JsonProperty("client_order_id")
    private String clientOrderId;

    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private CreateOrderRequest() {
    }

    private CreateOrderRequest(Builder b) {
        this.ticker = b.ticker;
        this.side = b.side;
        this.countFp = b.countFp;
        this.yesPriceDollars = b.yesPriceDollars;
        this.expirationTs = b.expirationTs;
        this.clientOrderId = b.clientOrderId;
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
     * The {@code side} property.
     * <p>JSON {@code side}.
     */
    public SideEnum side() {
        return SideEnum.fromValue(side);
    }

    /** The raw wire value of {@code side}, including values this SDK version does not know. */
    public String sideAsString() {
        return side;
    }

    /**
     * A contract count as a fixed-point decimal string.
     * <p>JSON {@code count_fp}, required.
     */
    public BigDecimal countFp() {
        return countFp;
    }

    /** Short for {@link #countFp()}: {@code count_fp} as a decimal. */
    public BigDecimal count() {
        return countFp;
    }

    /**
     * The {@code yes_price_dollars} property.
     * <p>JSON {@code yes_price_dollars}.
     */
    public BigDecimal yesPriceDollars() {
        return yesPriceDollars;
    }

    /** Short for {@link #yesPriceDollars()}: {@code yes_price_dollars} as a decimal. */
    public BigDecimal yesPrice() {
        return yesPriceDollars;
    }

    /**
     * The {@code expiration_ts} property.
     * <p>JSON {@code expiration_ts}.
     */
    public Long expirationTs() {
        return expirationTs;
    }

    /**
     * The {@code client_order_id} property.
     * <p>JSON {@code client_order_id}.
     */
    public String clientOrderId() {
        return clientOrderId;
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
        if (!(o instanceof CreateOrderRequest)) {
            return false;
        }
        CreateOrderRequest other = (CreateOrderRequest) o;
        return Objects.equals(ticker, other.ticker)
                && Objects.equals(side, other.side)
                && Objects.equals(countFp, other.countFp)
                && Objects.equals(yesPriceDollars, other.yesPriceDollars)
                && Objects.equals(expirationTs, other.expirationTs)
                && Objects.equals(clientOrderId, other.clientOrderId)
                && Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticker, side, countFp, yesPriceDollars, expirationTs, clientOrderId, additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CreateOrderRequest{");
        String sep = "";
        if (ticker != null) {
            sb.append(sep).append("ticker=").append(ticker);
            sep = ", ";
        }
        if (side != null) {
            sb.append(sep).append("side=").append(side);
            sep = ", ";
        }
        if (countFp != null) {
            sb.append(sep).append("countFp=").append(countFp);
            sep = ", ";
        }
        if (yesPriceDollars != null) {
            sb.append(sep).append("yesPriceDollars=").append(yesPriceDollars);
            sep = ", ";
        }
        if (expirationTs != null) {
            sb.append(sep).append("expirationTs=").append(expirationTs);
            sep = ", ";
        }
        if (clientOrderId != null) {
            sb.append(sep).append("clientOrderId=").append(clientOrderId);
            sep = ", ";
        }
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link CreateOrderRequest} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private String ticker;
        private String side;
        private BigDecimal countFp;
        private BigDecimal yesPriceDollars;
        private Long expirationTs;
        private String clientOrderId;
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(CreateOrderRequest m) {
            this.ticker = m.ticker;
            this.side = m.side;
            this.countFp = m.countFp;
            this.yesPriceDollars = m.yesPriceDollars;
            this.expirationTs = m.expirationTs;
            this.clientOrderId = m.clientOrderId;
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
        }

        /** Sets {@code ticker}. */
        public Builder ticker(String value) {
            this.ticker = value;
            return this;
        }

        /** Sets {@code side}. */
        public Builder side(SideEnum value) {
            this.side = SideEnum.toWire(value);
            return this;
        }

        /** Sets {@code side} from its raw wire value. */
        public Builder side(String value) {
            this.side = value;
            return this;
        }

        /** Sets {@code count_fp}: A contract count as a fixed-point decimal string. */
        public Builder countFp(BigDecimal value) {
            this.countFp = KalshiJson.checkFixedPoint("count_fp", value);
            return this;
        }

        /**
         * Sets {@code count_fp} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder countFp(String value) {
            this.countFp = KalshiJson.decimal("count_fp", value);
            return this;
        }

        /** Short for {@link #countFp(BigDecimal)}. */
        public Builder count(BigDecimal value) {
            return countFp(value);
        }

        /** Short for {@link #countFp(String)}. */
        public Builder count(String value) {
            return countFp(value);
        }

        /** Sets {@code yes_price_dollars}. */
        public Builder yesPriceDollars(BigDecimal value) {
            this.yesPriceDollars = KalshiJson.checkFixedPoint("yes_price_dollars", value);
            return this;
        }

        /**
         * Sets {@code yes_price_dollars} from a decimal string such as {@code "0.5600"} (never a double).
         *
         * @throws IllegalArgumentException when it is not a decimal within {@link KalshiJson#isFixedPoint}'s bounds
         */
        public Builder yesPriceDollars(String value) {
            this.yesPriceDollars = KalshiJson.decimal("yes_price_dollars", value);
            return this;
        }

        /** Short for {@link #yesPriceDollars(BigDecimal)}. */
        public Builder yesPrice(BigDecimal value) {
            return yesPriceDollars(value);
        }

        /** Short for {@link #yesPriceDollars(String)}. */
        public Builder yesPrice(String value) {
            return yesPriceDollars(value);
        }

        /** Sets {@code expiration_ts}. */
        public Builder expirationTs(Long value) {
            this.expirationTs = value;
            return this;
        }

        /** Sets {@code client_order_id}. */
        public Builder clientOrderId(String value) {
            this.clientOrderId = value;
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
         * @throws IllegalArgumentException when a number is out of the spec's range or a
         *     property the spec requires in this request body is missing (as the endpoints'
         *     parameter builders do)
         */
        public CreateOrderRequest build() {
            if (ticker == null) {
                throw new IllegalArgumentException("CreateOrderRequest.ticker is required");
            }
            if (countFp == null) {
                throw new IllegalArgumentException("CreateOrderRequest.count_fp is required");
            }
            if (expirationTs != null && KalshiJson.compareToBound(expirationTs, "0") < 0) {
                throw new IllegalArgumentException("CreateOrderRequest.expiration_ts must be >= 0, got " + expirationTs);
            }
            return new CreateOrderRequest(this);
        }
    }
}

