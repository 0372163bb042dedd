package io.github.kalshi4j.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.transport.KalshiJson;

/** The mapper kalshi4j decodes with: the generated models' conventions plus the overlay's money aliases. */
public final class KalshiMappers {

    private KalshiMappers() {
    }

    /** A new configured mapper. */
    public static ObjectMapper create() {
        return KalshiJson.newMapper().registerModule(new MoneyAliasModule());
    }
}
