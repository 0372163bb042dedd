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
 * AmendOrderRequest (AmendOrderRequest in the spec).
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class AmendOrderRequest {


    @JsonProperty("yes_price_dollars")
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private BigDecimal yesPriceDollars;

    @JsonProperty("count")
    private Integer count;

    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private AmendOrderRequest() {
    }

    private AmendOrderRequest(Builder b) {
        this.yesPriceDollars = b.yesPriceDollars;
        this.count = b.count;
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
     * The {@code count} property.
     * <p>JSON {@code count}.
     */
    public Integer count() {
        return count;
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
        if (!(o instanceof AmendOrderRequest)) {
            return false;
        }
        AmendOrderRequest other = (AmendOrderRequest) o;
        return Objects.equals(yesPriceDollars, other.yesPriceDollars)
                && Objects.equals(count, other.count)
                && Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(yesPriceDollars, count, additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AmendOrderRequest{");
        String sep = "";
        if (yesPriceDollars != null) {
            sb.append(sep).append("yesPriceDollars=").append(yesPriceDollars);
            sep = ", ";
        }
        if (count != null) {
            sb.append(sep).append("count=").append(count);
            sep = ", ";
        }
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link AmendOrderRequest} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private BigDecimal yesPriceDollars;
        private Integer count;
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(AmendOrderRequest m) {
            this.yesPriceDollars = m.yesPriceDollars;
            this.count = m.count;
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
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

        /** Sets {@code count}. */
        public Builder count(Integer value) {
            this.count = value;
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
        public AmendOrderRequest build() {
            if (count != null && KalshiJson.compareToBound(count, "1") < 0) {
                throw new IllegalArgumentException("AmendOrderRequest.count must be >= 1, got " + count);
            }
            if (count != null && KalshiJson.compareToBound(count, "10000") > 0) {
                throw new IllegalArgumentException("AmendOrderRequest.count must be <= 10000, got " + count);
            }
            return new AmendOrderRequest(this);
        }
    }
}

