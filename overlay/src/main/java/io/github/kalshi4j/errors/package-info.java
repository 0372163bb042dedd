/**
 * Unchecked exceptions thrown by the kalshi4j SDK; every one extends {@link io.github.kalshi4j.errors.KalshiException}.
 */
package io.github.kalshi4j.errors;
