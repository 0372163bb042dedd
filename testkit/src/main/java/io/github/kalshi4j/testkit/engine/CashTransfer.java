package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deposit or a withdrawal in an account's history (Kalshi's {@code Deposit} / {@code Withdrawal}).
 *
 * @param id            id
 * @param userId        member id of the account
 * @param status        pending, applied, failed or returned
 * @param type          payment method: ach, wire, crypto, debit or apm
 * @param amount        amount in dollars
 * @param fee           fee in dollars
 * @param createdTime   when it was created
 * @param finalizedTime when it was applied, failed or returned; null while pending
 * @param sequence      per-exchange sequence; larger is newer
 */
public record CashTransfer(
        String id,
        String userId,
        String status,
        String type,
        BigDecimal amount,
        BigDecimal fee,
        Instant createdTime,
        Instant finalizedTime,
        long sequence) {
}
