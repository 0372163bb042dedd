/**
 * Client-side rate limiting that mirrors Kalshi's token buckets: {@link io.github.kalshi4j.ratelimit.RateLimits}
 * says what the buckets hold and what each endpoint costs, {@link io.github.kalshi4j.ratelimit.RateLimitWait} how
 * a call behaves when its bucket is short, and {@link io.github.kalshi4j.ratelimit.RateLimiter} shows the state.
 */
package io.github.kalshi4j.ratelimit;
