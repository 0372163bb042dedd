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
 * CreateOrderResponse (CreateOrderResponse in the spec).
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class CreateOrderResponse {


    @JsonProperty("order_id")
    private String orderId;

    @JsonProperty("created_time")
    @JsonSerialize(using = KalshiJson.DateTimeWriter.class)
    @JsonDeserialize(using = KalshiJson.DateTimeReader.class)
    private OffsetDateTime createdTime;

    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private CreateOrderResponse() {
    }

    private CreateOrderResponse(Builder b) {
        this.orderId = b.orderId;
        this.createdTime = b.createdTime;
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
     * The {@code order_id} property.
     * <p>JSON {@code order_id}, required.
     */
    public String orderId() {
        return orderId;
    }

    /**
     * The {@code created_time} property.
     * <p>JSON {@code created_time}.
     */
    public OffsetDateTime createdTime() {
        return createdTime;
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
        if (!(o instanceof CreateOrderResponse)) {
            return false;
        }
        CreateOrderResponse other = (CreateOrderResponse) o;
        return Objects.equals(orderId, other.orderId)
                && Objects.equals(createdTime, other.createdTime)
                && Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, createdTime, additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CreateOrderResponse{");
        String sep = "";
        if (orderId != null) {
            sb.append(sep).append("orderId=").append(orderId);
            sep = ", ";
        }
        if (createdTime != null) {
            sb.append(sep).append("createdTime=").append(createdTime);
            sep = ", ";
        }
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link CreateOrderResponse} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private String orderId;
        private OffsetDateTime createdTime;
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(CreateOrderResponse m) {
            this.orderId = m.orderId;
            this.createdTime = m.createdTime;
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
        }

        /** Sets {@code order_id}. */
        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        /** Sets {@code created_time}. */
        public Builder createdTime(OffsetDateTime value) {
            this.createdTime = value;
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
        public CreateOrderResponse build() {
            return new CreateOrderResponse(this);
        }
    }
}

