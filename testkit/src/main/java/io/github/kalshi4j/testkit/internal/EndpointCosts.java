package io.github.kalshi4j.testkit.internal;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.testkit.engine.Seed;
import io.github.kalshi4j.transport.OperationInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each request costs in rate-limit tokens: {@value #DEFAULT_COST} (Kalshi's default cost, per the spec's
 * {@code GetAccountEndpointCostsResponse}) unless the seed lists the endpoint with a cost of its own. The seed names
 * endpoints by method and the spec's path template; each must be an operation of the pinned spec.
 */
public final class EndpointCosts {

    /** Tokens a request takes when its endpoint has no cost of its own. */
    public static final int DEFAULT_COST = 10;

    private final Map<String, Integer> byOperation = new HashMap<>();
    private final List<Seed.EndpointCostSpec> nonDefault = new ArrayList<>();

    private EndpointCosts() {
    }

    /**
     * The costs a seed lists.
     *
     * @throws IllegalArgumentException when a listed endpoint is not an operation of the pinned spec
     */
    public static EndpointCosts of(List<Seed.EndpointCostSpec> specs) {
        EndpointCosts costs = new EndpointCosts();
        for (Seed.EndpointCostSpec spec : specs) {
            OperationInfo op = Operations.all().stream()
                    .filter(o -> o.method().equals(spec.method()) && o.pathTemplate().equals(spec.path()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("invalid seed: endpoint_costs names "
                            + spec.method() + " " + spec.path() + ", which is not an operation of the pinned spec"));
            costs.byOperation.put(op.operationId(), spec.cost());
            if (spec.cost() != DEFAULT_COST) {
                costs.nonDefault.add(spec);
            }
        }
        return costs;
    }

    /** The tokens one request of the operation takes from its bucket. */
    public int cost(String operationId) {
        return byOperation.getOrDefault(operationId, DEFAULT_COST);
    }

    /** The endpoints whose cost differs from {@link #DEFAULT_COST}, in seed order. */
    public List<Seed.EndpointCostSpec> nonDefault() {
        return List.copyOf(nonDefault);
    }
}
