package io.github.kalshi4j.internal;

import io.github.kalshi4j.api.CommunicationsApi;
import io.github.kalshi4j.model.DecreaseOrderRequest;
import io.github.kalshi4j.transport.ApiRequest;

/**
 * Rules Kalshi enforces that the spec does not express, checked before any I/O so a mistake costs no request
 * (see KALSHI-API-NOTES). Generic rules (required parameters, numeric ranges, array items) are generated into
 * the stubs; these are the few that span fields.
 */
final class ClientChecks {

    private ClientChecks() {
    }

    /** Throws {@link IllegalArgumentException} naming the rule when the request breaks one. */
    static void check(ApiRequest request) {
        switch (request.operation().operationId()) {
            case "DecreaseOrder" -> {
                if (request.body() instanceof DecreaseOrderRequest d) {
                    // The request model holds only the fixed-point forms (reduceBy() is short for reduceByFp()).
                    boolean by = d.reduceByFp() != null;
                    boolean to = d.reduceToFp() != null;
                    if (by == to) {
                        throw new IllegalArgumentException("DecreaseOrder: set exactly one of reduce_by and reduce_to"
                                + (by ? " (both are set)" : " (neither is set; Kalshi rejects an empty decrease)"));
                    }
                }
            }
            case "GetQuotes" -> {
                boolean filtered = request.query().stream().anyMatch(q -> q.name().equals("quote_creator_user_id")
                        || q.name().equals("rfq_creator_user_id"));
                if (!filtered) {
                    throw new IllegalArgumentException("GetQuotes: set quote_creator_user_id or rfq_creator_user_id;"
                            + " Kalshi answers 400 to an unfiltered quote listing (see "
                            + CommunicationsApi.GetQuotesParams.class.getSimpleName() + ")");
                }
            }
            default -> {
                // No cross-field rule for this operation.
            }
        }
    }
}
