package io.github.kalshi4j.testkit.engine;

/**
 * An official source used to determine a series' results.
 *
 * @param name source name, e.g. "Bureau of Labor Statistics"
 * @param url  link to the source
 */
public record SettlementSource(String name, String url) {
}
