package io.github.kalshi4j.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.kalshi4j.api.CommunicationsApi;
import io.github.kalshi4j.transport.ApiRequest;
import io.github.kalshi4j.transport.KalshiJson;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules Kalshi enforces that the spec does not express, checked before any I/O so a mistake costs no request
 * (see KALSHI-API-NOTES). Generic rules (required parameters, numeric ranges, array items) are generated into
 * the stubs; these are the few that span fields. A rule keys on what the request carries (its body's JSON members,
 * its operation), never on a model class, so an order operation that a spec bump replaces keeps its rule.
 */
final class ClientChecks {

    /** A decrease names exactly one of these, in either spelling (legacy integer or fixed point). */
    private static final List<String> REDUCE_BY = List.of("reduce_by", "reduce_by_fp");
    private static final List<String> REDUCE_TO = List.of("reduce_to", "reduce_to_fp");

    /** The JSON members each request model declares, read once per class. */
    private static final ClassValue<Set<String>> MEMBERS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            ObjectMapper m = Mapper.INSTANCE;
            return m.getSerializationConfig().introspect(m.constructType(type)).findProperties().stream()
                    .map(BeanPropertyDefinition::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    private ClientChecks() {
    }

    /** Throws {@link IllegalArgumentException} naming the rule when the request breaks one. */
    static void check(ApiRequest request) {
        Object body = request.body();
        if (body != null && declaresAny(body, REDUCE_BY) && declaresAny(body, REDUCE_TO)) {
            JsonNode json = Mapper.INSTANCE.valueToTree(body);
            boolean by = REDUCE_BY.stream().anyMatch(json::hasNonNull);
            boolean to = REDUCE_TO.stream().anyMatch(json::hasNonNull);
            if (by == to) {
                throw new IllegalArgumentException(request.operation().operationId()
                        + ": set exactly one of reduce_by and reduce_to"
                        + (by ? " (both are set)" : " (neither is set; Kalshi rejects an empty decrease)"));
            }
        }
        if ("GetQuotes".equals(request.operation().operationId())) {
            boolean filtered = request.query().stream().anyMatch(q -> q.name().equals("quote_creator_user_id")
                    || q.name().equals("rfq_creator_user_id"));
            if (!filtered) {
                throw new IllegalArgumentException("GetQuotes: set quote_creator_user_id or rfq_creator_user_id;"
                        + " Kalshi answers 400 to an unfiltered quote listing (see "
                        + CommunicationsApi.GetQuotesParams.class.getSimpleName() + ")");
            }
        }
    }

    private static boolean declaresAny(Object body, List<String> names) {
        Set<String> members = MEMBERS.get(body.getClass());
        return names.stream().anyMatch(members::contains);
    }

    /** The SDK's mapper settings, for reading request bodies as JSON; made when a rule first needs it. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = KalshiJson.newMapper();
    }
}
