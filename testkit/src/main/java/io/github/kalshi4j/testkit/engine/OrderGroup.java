package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order group (Kalshi's {@code OrderGroup}): orders sharing a cap on contracts matched within a
 * rolling {@value OrderGroup#WINDOW_SECONDS}-second window. Reaching the cap triggers the group:
 * its resting orders are canceled and it takes no new orders until reset.
 *
 * @param id                 group id
 * @param userId             member id of the owning account
 * @param contractsLimit     the cap (scale 2), or null for a group without one
 * @param autoCancelEnabled  true when a cap is set, i.e. the group cancels itself at the cap
 * @param triggered          true after the cap was hit or the group was triggered, until reset
 * @param matchedInWindow    contracts matched by the group's orders in the current window
 * @param orderIds           ids of every order placed in the group, oldest first
 * @param createdTime        creation time
 */
public record OrderGroup(
        String id,
        String userId,
        BigDecimal contractsLimit,
        boolean autoCancelEnabled,
        boolean triggered,
        BigDecimal matchedInWindow,
        List<String> orderIds,
        Instant createdTime) {

    /** Length of the rolling window the cap applies to, in seconds. */
    public static final int WINDOW_SECONDS = 15;

    /** Copies the id list so the snapshot stays immutable. */
    public OrderGroup {
        orderIds = List.copyOf(orderIds);
    }
}
