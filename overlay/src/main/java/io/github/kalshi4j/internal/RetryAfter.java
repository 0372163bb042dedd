package io.github.kalshi4j.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parser for the HTTP {@code Retry-After} header value.
 * Internal API: public only so other SDK packages can share it.
 */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // "Sun Nov  6 08:49:37 1994": asctime pads the day with a space, so runs of blanks are
    // collapsed before parsing rather than modelling the padding in the pattern.
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);

    // Seconds this large are nonsense from a server; cap instead of overflowing Duration.
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);

    private RetryAfter() {
    }

    /**
     * Parses a {@code Retry-After} value given as delay seconds or as an HTTP-date.
     * Dates are measured from {@code clock}; past dates and negative delays yield zero,
     * and anything unparseable yields empty.
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (SECONDS.matcher(trimmed).matches()) {
            return Optional.of(fromSeconds(new BigDecimal(trimmed)));
        }
        Instant now = clock.instant();
        return parseDate(trimmed, now).map(date -> nonNegative(Duration.between(now, date)));
    }

    private static Duration fromSeconds(BigDecimal seconds) {
        if (seconds.signum() <= 0) {
            return Duration.ZERO;
        }
        BigDecimal capped = seconds.min(MAX_SECONDS);
        return Duration.ofMillis(capped.movePointRight(3).longValue());
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    // RFC 9110 obliges recipients to accept all three historical date formats.
    private static Optional<Instant> parseDate(String value, Instant now) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)));
        } catch (DateTimeException ignored) {
            // fall through to the obsolete formats
        }
        try {
            return Optional.of(LocalDateTime.parse(value, rfc850(now)).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException ignored) {
            // fall through
        }
        try {
            String collapsed = WHITESPACE.matcher(value).replaceAll(" ");
            return Optional.of(LocalDateTime.parse(collapsed, ASCTIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException ignored) {
            return Optional.empty();
        }
    }

    // RFC 850 dates have two-digit years; RFC 9110 says a year more than 50 years ahead
    // belongs to the past century, so the pivot window depends on the current date.
    private static DateTimeFormatter rfc850(Instant now) {
        int thisYear = now.atZone(ZoneOffset.UTC).getYear();
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(thisYear - 49, 1, 1))
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US);
    }
}
