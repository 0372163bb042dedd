package io.github.kalshi4j.testkit.engine;

import java.util.Locale;

/** What happened to an order group; values match {@code order_group_updates} event types. */
public enum OrderGroupUpdateType {
    /** The group was created. */
    CREATED,
    /** The group hit its limit or was triggered; its resting orders were canceled. */
    TRIGGERED,
    /** The group's matched-contracts counter was reset and it accepts orders again. */
    RESET,
    /** The group was deleted and its resting orders canceled. */
    DELETED,
    /** The group's contracts limit changed. */
    LIMIT_UPDATED;

    /** Returns the {@code event_type} wire value, e.g. {@code "limit_updated"}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
