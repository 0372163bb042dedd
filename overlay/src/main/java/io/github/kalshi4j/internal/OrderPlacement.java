package io.github.kalshi4j.internal;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.model.CreateOrderRequest;
import io.github.kalshi4j.model.CreateOrderResponse;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.transport.OperationInfo;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What safe order retry needs to know about an operation that places an order: how to read the order's
 * {@code client_order_id} and ticker from the request body, how to give the body a {@code client_order_id}, and how
 * to answer the call with an order a lookup found. Operations are recognised by their operation id, so a new order
 * endpoint (a V2 CreateOrder, say) is one more entry in {@link #BY_OPERATION}; the rest of safe order retry (the
 * backoff, the wait for Kalshi's user data, the GetOrders lookup by ticker and {@code client_order_id}, the resend)
 * works the same for every entry.
 *
 * @param <B> the request body type
 */
final class OrderPlacement<B> {

    private static final Map<String, OrderPlacement<?>> BY_OPERATION = Map.of(
            Operations.CREATE_ORDER.operationId(), new OrderPlacement<>(CreateOrderRequest.class,
                    CreateOrderRequest::clientOrderId, CreateOrderRequest::ticker,
                    (body, id) -> body.toBuilder().clientOrderId(id).build(),
                    order -> CreateOrderResponse.builder().order(order).build()));

    private final Class<B> bodyType;
    private final Function<B, String> clientOrderId;
    private final Function<B, String> ticker;
    private final BiFunction<B, String, B> withClientOrderId;
    private final Function<Order, Object> answer;

    private OrderPlacement(Class<B> bodyType, Function<B, String> clientOrderId, Function<B, String> ticker,
            BiFunction<B, String, B> withClientOrderId, Function<Order, Object> answer) {
        this.bodyType = bodyType;
        this.clientOrderId = clientOrderId;
        this.ticker = ticker;
        this.withClientOrderId = withClientOrderId;
        this.answer = answer;
    }

    /** The placement rules of {@code operation}, or null when it does not place an order. */
    static OrderPlacement<?> of(OperationInfo operation) {
        return BY_OPERATION.get(operation.operationId());
    }

    /** True when {@code body} is this operation's order request. */
    boolean accepts(Object body) {
        return bodyType.isInstance(body);
    }

    /** The body's client_order_id, or null when it has none (an empty one counts as none). */
    String clientOrderId(Object body) {
        String id = clientOrderId.apply(bodyType.cast(body));
        return id == null || id.isEmpty() ? null : id;
    }

    /** The order's market. */
    String ticker(Object body) {
        return ticker.apply(bodyType.cast(body));
    }

    /** A copy of the body carrying {@code id} as its client_order_id. */
    Object withClientOrderId(Object body, String id) {
        return withClientOrderId.apply(bodyType.cast(body), id);
    }

    /** The operation's response holding {@code order}, as if the exchange had answered with it. */
    Object answer(Order order) {
        return answer.apply(order);
    }
}
