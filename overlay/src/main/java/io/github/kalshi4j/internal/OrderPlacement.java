package io.github.kalshi4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.transport.OperationInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What safe order retry needs to know about a request that places orders, read from the request itself rather than
 * from a list of operations: a {@code POST} to a collection (a path without parameters) whose JSON body has a
 * {@code ticker} and a {@code client_order_id} places one order (CreateOrderV2, and the legacy CreateOrder before
 * it); one whose body has an {@code orders} list of such objects places a batch (BatchCreateOrdersV2). A POST on one
 * existing order (AmendOrderV2, whose body names the order's ticker and client_order_id too) places nothing. So a spec
 * bump that renames or replaces an order endpoint keeps safe retry with no Java edit.
 *
 * <p>It reads the orders' {@code client_order_id}s and tickers, gives the orders that lack one a minted
 * {@code client_order_id}, and answers the call with the orders a lookup found, shaped as the operation's response
 * type: a response member of type {@link Order} holds the order itself; every other member takes the order's member
 * of the same name, or of that name with {@code _fp} or {@code _dollars} (Kalshi's fixed-point spellings); a
 * response {@code orders} list holds one such answer per order, in request order.
 */
final class OrderPlacement {

    private static final String CLIENT_ORDER_ID = "client_order_id";
    private static final String TICKER = "ticker";
    private static final String ORDERS = "orders";

    private final ObjectMapper mapper;
    private final boolean batch;

    private OrderPlacement(ObjectMapper mapper, boolean batch) {
        this.mapper = mapper;
        this.batch = batch;
    }

    /** The placement rules for this request, or null when it does not place orders. */
    static OrderPlacement of(OperationInfo operation, Object body, ObjectMapper mapper) {
        if (body == null || !"POST".equalsIgnoreCase(operation.method())) {
            return null;
        }
        if (operation.pathTemplate().contains("{")) {
            // A POST on one existing resource ({order_id}: AmendOrderV2) acts on an order that is already there. Its
            // body may name that order's ticker and client_order_id, but a lookup would find the order whether or
            // not the action took place, and a minted client_order_id would name an order that does not exist.
            return null;
        }
        Members members = Members.of(mapper, mapper.constructType(body.getClass()));
        if (members.has(CLIENT_ORDER_ID) && members.has(TICKER)) {
            return new OrderPlacement(mapper, false);
        }
        JavaType item = members.elementType(ORDERS);
        if (item != null) {
            Members itemMembers = Members.of(mapper, item);
            if (itemMembers.has(CLIENT_ORDER_ID) && itemMembers.has(TICKER)) {
                return new OrderPlacement(mapper, true);
            }
        }
        return null;
    }

    /** True for a batch of orders. */
    boolean batch() {
        return batch;
    }

    /** The orders' client_order_ids in request order; null for an order without one (an empty one counts as none). */
    List<String> clientOrderIds(Object body) {
        List<String> out = new ArrayList<>();
        for (JsonNode order : orders(mapper.valueToTree(body))) {
            String id = order.path(CLIENT_ORDER_ID).asText("");
            out.add(id.isEmpty() ? null : id);
        }
        return out;
    }

    /** The orders' tickers, in request order. */
    List<String> tickers(Object body) {
        List<String> out = new ArrayList<>();
        for (JsonNode order : orders(mapper.valueToTree(body))) {
            out.add(order.path(TICKER).asText(null));
        }
        return out;
    }

    /** True when every order of the body has a client_order_id. */
    boolean allIdentified(Object body) {
        return !clientOrderIds(body).contains(null);
    }

    /** A copy of the body in which every order without a client_order_id has one from {@code mint}. */
    Object withClientOrderIds(Object body, Supplier<String> mint) {
        JsonNode json = mapper.valueToTree(body);
        for (JsonNode order : orders(json)) {
            if (order instanceof ObjectNode o && o.path(CLIENT_ORDER_ID).asText("").isEmpty()) {
                o.put(CLIENT_ORDER_ID, mint.get());
            }
        }
        try {
            return mapper.treeToValue(json, body.getClass());
        } catch (JsonProcessingException e) {
            throw new KalshiException("could not add a client_order_id to the " + body.getClass().getSimpleName(), e);
        }
    }

    /**
     * The operation's response holding {@code found} (one order per order of the request, in request order), as if
     * the exchange had answered with them.
     *
     * @throws KalshiException when the response type cannot be built from the orders
     */
    <T> T answer(Class<T> responseType, List<Order> found) {
        List<JsonNode> orders = new ArrayList<>();
        found.forEach(o -> orders.add(mapper.valueToTree(o)));
        JavaType type = mapper.constructType(responseType);
        JsonNode shaped;
        if (batch) {
            ObjectNode out = mapper.createObjectNode();
            JavaType item = Members.of(mapper, type).elementType(ORDERS);
            if (item == null) {
                throw new KalshiException(responseType.getSimpleName() + " has no orders list to answer a batch with");
            }
            ArrayNode list = out.putArray(ORDERS);
            orders.forEach(o -> list.add(shape(item, o)));
            shaped = out;
        } else {
            shaped = shape(type, orders.get(0));
        }
        try {
            return mapper.treeToValue(shaped, responseType);
        } catch (JsonProcessingException e) {
            throw new KalshiException("could not answer with the order that landed as a "
                    + responseType.getSimpleName(), e);
        }
    }

    private ObjectNode shape(JavaType type, JsonNode order) {
        ObjectNode out = mapper.createObjectNode();
        for (Map.Entry<String, JavaType> m : Members.of(mapper, type).types.entrySet()) {
            String name = m.getKey();
            if (m.getValue().getRawClass() == Order.class) {
                out.set(name, order);
                continue;
            }
            for (String source : List.of(name, name + "_fp", name + "_dollars")) {
                JsonNode v = order.get(source);
                if (v != null && !v.isNull()) {
                    out.set(name, v);
                    break;
                }
            }
        }
        return out;
    }

    private List<JsonNode> orders(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        if (batch) {
            body.path(ORDERS).forEach(out::add);
        } else {
            out.add(body);
        }
        return out;
    }

    /** A model's JSON members and their types, read once per type from the mapper's own view of the class. */
    private static final class Members {
        private static final Map<JavaType, Members> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, JavaType> types;

        private Members(Map<String, JavaType> types) {
            this.types = types;
        }

        static Members of(ObjectMapper mapper, JavaType type) {
            return CACHE.computeIfAbsent(type, t -> {
                Map<String, JavaType> types = new LinkedHashMap<>();
                for (BeanPropertyDefinition p : mapper.getSerializationConfig().introspect(t).findProperties()) {
                    types.put(p.getName(), p.getPrimaryType());
                }
                return new Members(types);
            });
        }

        boolean has(String name) {
            return types.containsKey(name);
        }

        /** The element type of a list member, or null when there is no such list. */
        JavaType elementType(String name) {
            JavaType t = types.get(name);
            return t != null && t.isCollectionLikeType() ? t.getContentType() : null;
        }
    }
}
