/**
 * Tabular export (the optional {@code kalshi4j-tabular} artifact): pages and streams of kalshi4j models written as
 * CSV or Apache Arrow, with table schemas derived from the pinned OpenAPI spec at build time. Start at
 * {@link io.github.kalshi4j.tabular.Tabular}.
 */
package io.github.kalshi4j.tabular;
