package io.github.kalshi4j.contract;

import io.github.kalshi4j.ws.model.WsMessageTypes;

import java.util.List;
import java.util.Map;

/**
 * Where the SDK says which WebSocket channels a client can subscribe to, and which payload classes each delivers.
 * Today that is the generated {@link WsMessageTypes#channels()}; when the WebSocket client adds its channel enum, a
 * catalog reading that enum plugs in here ({@link ReflectiveSurface#read(ChannelCatalog)}) and the check follows.
 */
@FunctionalInterface
public interface ChannelCatalog {

    /** Channel name to the payload classes the SDK delivers on it. */
    Map<String, List<Class<?>>> channels();

    /** The generated registry {@link WsMessageTypes#channels()}. */
    static ChannelCatalog wsMessageTypes() {
        return WsMessageTypes::channels;
    }
}
