package io.github.kalshi4j.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.kalshi4j.transport.KalshiJson;
import java.io.IOException;

/** The mapper kalshi4j decodes with: the generated models' conventions plus the overlay's money aliases. */
public final class KalshiMappers {

    private KalshiMappers() {
    }

    /**
     * A new configured mapper. Its trees keep a decimal as written ({@code 100.0} stays {@code 100.0}, not Jackson's
     * default {@code 1E+2}), so a frame read through a tree gives the model what a streaming read gives.
     */
    public static ObjectMapper create() {
        ObjectMapper mapper = KalshiJson.newMapper().registerModule(new MoneyAliasModule()).registerModule(treeReading());
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    /**
     * Reading a tree ({@code readTree}, as the WebSocket engine reads every frame) turns a JSON number that no
     * {@code BigDecimal} can hold (an exponent beyond the int range, {@code 1E-2147483648}) into a
     * {@link InvalidFormatException}, a {@code JsonProcessingException} like any unreadable input, instead of
     * Jackson's raw {@link NumberFormatException}.
     */
    private static SimpleModule treeReading() {
        @SuppressWarnings("unchecked")
        JsonDeserializer<JsonNode> plain = (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);
        SimpleModule module = new SimpleModule("kalshi4j-tree-numbers");
        module.addDeserializer(JsonNode.class, new JsonDeserializer<>() {
            @Override
            public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return plain.deserialize(p, ctxt);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new InvalidFormatException(p, "a number out of range: " + e.getMessage(), null,
                            JsonNode.class);
                }
            }

            @Override
            public JsonNode getNullValue(DeserializationContext ctxt) throws JsonMappingException {
                return plain.getNullValue(ctxt);
            }
        });
        return module;
    }
}
