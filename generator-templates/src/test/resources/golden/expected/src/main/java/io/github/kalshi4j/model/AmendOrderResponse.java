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
 * The server answers an empty object.
 *
 * <p>Immutable; build one with {@link #builder()}, copy-and-change with {@link #toBuilder()}. Lists are never
 * null (JSON {@code null} or absent reads as empty). JSON properties this SDK version does not know are kept in
 * {@link #additionalProperties()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public final class AmendOrderResponse {


    private Map<String, Object> additionalProperties = Map.of();

    /** For Jackson only: models are created by decoding or by {@link #builder()}. */
    private AmendOrderResponse() {
    }

    private AmendOrderResponse(Builder b) {
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
        if (!(o instanceof AmendOrderResponse)) {
            return false;
        }
        AmendOrderResponse other = (AmendOrderResponse) o;
        return Objects.equals(additionalProperties, other.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(additionalProperties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AmendOrderResponse{");
        String sep = "";
        if (!additionalProperties.isEmpty()) {
            sb.append(sep).append("additionalProperties=").append(additionalProperties);
        }
        return sb.append('}').toString();
    }

    /** Builds {@link AmendOrderResponse} values. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(AmendOrderResponse m) {
            this.additionalProperties = new LinkedHashMap<>(m.additionalProperties);
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
        public AmendOrderResponse build() {
            return new AmendOrderResponse(this);
        }
    }
}

