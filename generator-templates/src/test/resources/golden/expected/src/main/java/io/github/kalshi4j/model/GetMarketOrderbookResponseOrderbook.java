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
 * Both sides of the book.
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class GetMarketOrderbookResponseOrderbook {


    @JsonProperty("yes_dollars_fp")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private List<List<BigDecimal>> yesDollarsFp = List.of();

    @JsonProperty("no_dollars_fp")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonSerialize(using = KalshiJson.DecimalAsString.class)
    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)
    private List<List<BigDecimal>> noDollarsFp = List.of();

    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private GetMarketOrderbookResponseOrderbook() {
    }

    private GetMarketOrderbookResponseOrderbook(Builder b) {
        this.yesDollarsFp = b.yesDollarsFp;
        this.noDollarsFp = b.noDollarsFp;
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
     * Yes price levels as [price, count] decimal strings.
     * <p>JSON {@code yes_dollars_fp}. Never null.
     */
    public List<List<BigDecimal>> yesDollarsFp() {
        return yesDollarsFp;
    }

    @JsonSetter("yes_dollars_fp")
    private void yesDollarsFpFromJson(List<List<BigDecimal>> value) {
        // The server sends null for lists the spec marks required: null and absent both mean empty.
        this.yesDollarsFp = value == null ? List.of() : Collections.unmodifiableList(value);
    }

    /**
     * The {@code no_dollars_fp} property.
     * <p>JSON {@code no_dollars_fp}. Never null.
     */
    public List<List<BigDecimal>> noDollarsFp() {
        return noDollarsFp;
    }

    @JsonSetter("no_dollars_fp")
    private void noDollarsFpFromJson(List<List<BigDecimal>> value) {
        // The server sends null for lists the spec marks required: null and absent both mean empty.
        this.noDollarsFp = value == null ? List.of() : Collections.unmodifiableList(value);
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
        if (!(o instanceof GetMarketOrderbookResponseOrderbook)) {
            return false;
        }
        GetMarketOrderbookResponseOrderbook other = (GetMarketOrderbookResponseOrderbook) o;
        return Objects.equals(yesDollarsFp, other.yesDollarsFp)
                && Objects.equals(noDollarsFp, other.noDollarsFp)
                && Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(yesDollarsFp, noDollarsFp, additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GetMarketOrderbookResponseOrderbook{");
        String sep = "";
        if (yesDollarsFp != null && !yesDollarsFp.isEmpty()) {
            sb.append(sep).append("yesDollarsFp=").append(yesDollarsFp);
            sep = ", ";
        }
        if (noDollarsFp != null && !noDollarsFp.isEmpty()) {
            sb.append(sep).append("noDollarsFp=").append(noDollarsFp);
            sep = ", ";
        }
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link GetMarketOrderbookResponseOrderbook} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private List<List<BigDecimal>> yesDollarsFp = List.of();
        private List<List<BigDecimal>> noDollarsFp = List.of();
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(GetMarketOrderbookResponseOrderbook m) {
            this.yesDollarsFp = m.yesDollarsFp;
            this.noDollarsFp = m.noDollarsFp;
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
        }

        /** Sets {@code yes_dollars_fp}: Yes price levels as [price, count] decimal strings. */
        public Builder yesDollarsFp(List<List<BigDecimal>> value) {
            KalshiJson.checkFixedPoints("yes_dollars_fp", value);
            this.yesDollarsFp = value == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(value));
            return this;
        }

        /** Appends one element to {@code yes_dollars_fp}. */
        public Builder addYesDollarsFp(List<BigDecimal> item) {
            KalshiJson.checkFixedPoints("yes_dollars_fp", item);
            List<List<BigDecimal>> copy = new ArrayList<>(this.yesDollarsFp);
            copy.add(item);
            this.yesDollarsFp = Collections.unmodifiableList(copy);
            return this;
        }

        /** Sets {@code no_dollars_fp}. */
        public Builder noDollarsFp(List<List<BigDecimal>> value) {
            KalshiJson.checkFixedPoints("no_dollars_fp", value);
            this.noDollarsFp = value == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(value));
            return this;
        }

        /** Appends one element to {@code no_dollars_fp}. */
        public Builder addNoDollarsFp(List<BigDecimal> item) {
            KalshiJson.checkFixedPoints("no_dollars_fp", item);
            List<List<BigDecimal>> copy = new ArrayList<>(this.noDollarsFp);
            copy.add(item);
            this.noDollarsFp = Collections.unmodifiableList(copy);
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
        public GetMarketOrderbookResponseOrderbook build() {
            return new GetMarketOrderbookResponseOrderbook(this);
        }
    }
}

