package io.github.kalshi4j.contract;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the SDK exposes, as the differ sees it: the REST side (operations, models) and the WebSocket side (channels,
 * messages, models). {@link ReflectiveSurface} reads the compiled classes; tests inject altered views (a model
 * without a field) through {@link #of} and {@link #mapRest}/{@link #mapWs}.
 */
public interface Surface {

    /** Operations and REST models. */
    ApiShape rest();

    /** WebSocket channels, messages and models. */
    ApiShape ws();

    /** A fixed surface. */
    static Surface of(ApiShape rest, ApiShape ws) {
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(ws, "ws");
        return new Surface() {
            @Override
            public ApiShape rest() {
                return rest;
            }

            @Override
            public ApiShape ws() {
                return ws;
            }
        };
    }

    /** This surface with the REST side transformed, e.g. {@code s -> s.withoutProperty("Market", "ticker")}. */
    default Surface mapRest(UnaryOperator<ApiShape> change) {
        return of(change.apply(rest()), ws());
    }

    /** This surface with the WebSocket side transformed. */
    default Surface mapWs(UnaryOperator<ApiShape> change) {
        return of(rest(), change.apply(ws()));
    }
}
