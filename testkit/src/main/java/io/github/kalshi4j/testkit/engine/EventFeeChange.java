package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A scheduled change of an event's fee override (Kalshi's {@code EventFeeChange}). An override sits on top of the
 * series' fee structure from {@code scheduledTime} on; a change whose override fields are both null clears an earlier
 * override, and a null field alone falls back to the series' value for that field.
 *
 * @param id                    change id (stable across runs of the same seed)
 * @param eventTicker           the event it applies to
 * @param seriesTicker          the event's series
 * @param feeTypeOverride       fee structure from then on, or null for the series'
 * @param feeMultiplierOverride fee multiplier from then on, or null for the series'
 * @param scheduledTime         when it takes effect
 */
public record EventFeeChange(
        String id,
        String eventTicker,
        String seriesTicker,
        FeeType feeTypeOverride,
        BigDecimal feeMultiplierOverride,
        Instant scheduledTime) {
}
