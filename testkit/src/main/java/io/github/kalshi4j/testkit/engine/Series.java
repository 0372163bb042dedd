package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A series: a family of recurring events sharing rules and fees (Kalshi's {@code Series}).
 *
 * @param ticker            series ticker, e.g. {@code KXFED}
 * @param title             title
 * @param category          category, e.g. "Economics"
 * @param frequency         human-readable frequency, e.g. "monthly", "one_off"
 * @param tags              subject tags (never null)
 * @param feeType           fee structure
 * @param feeMultiplier     multiplier applied to the fee formulas (see {@link Fees})
 * @param settlementSources official result sources (never null)
 * @param contractUrl       link to the contract filing
 * @param contractTermsUrl  link to the current contract terms
 * @param volume            contracts traded across all markets of the series (scale 2)
 */
public record Series(
        String ticker,
        String title,
        String category,
        String frequency,
        List<String> tags,
        FeeType feeType,
        BigDecimal feeMultiplier,
        List<SettlementSource> settlementSources,
        String contractUrl,
        String contractTermsUrl,
        BigDecimal volume) {

    /** Copies the lists so the snapshot stays immutable. */
    public Series {
        tags = List.copyOf(tags);
        settlementSources = List.copyOf(settlementSources);
    }
}
