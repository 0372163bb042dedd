package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * A change to an order group (maps to {@code order_group_updates}).
 *
 * @param type           what happened
 * @param orderGroupId   group id
 * @param userId         member id of the owning account
 * @param contractsLimit the group's limit after the change (scale 2), or null when it has none
 */
public record OrderGroupUpdate(OrderGroupUpdateType type, String orderGroupId, String userId, BigDecimal contractsLimit) {
}
