package io.github.kalshi4j.ws;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable, internally consistent picture of one market's book at one sequence number.
 *
 * <p>Kalshi books hold bids only: YES bids and NO bids. A YES bid at p is economically a NO ask
 * at 1 &minus; p, so the asks here are derived: {@code yesAsk = 1 - bestNoBid} and
 * {@code noAsk = 1 - bestYesBid}. Prices carry scale 4 (as on the wire); counts keep the scale
 * the exchange sent. Compare with {@link BigDecimal#compareTo}.
 *
 * <p>Obtained from {@link LocalOrderbook#snapshot()}; safe to share between threads.
 */
public final class OrderbookView {

    private final String marketTicker;
    private final long seq;
    private final boolean stale;
    private final List<PriceLevel> yesBids;
    private final List<PriceLevel> noBids;
    private final BigDecimal yesTotal;
    private final BigDecimal noTotal;
    // Which state of the book this view reflects; lets LocalOrderbook reuse an unchanged view.
    private final long version;

    OrderbookView(String marketTicker, long seq, boolean stale,
                  List<PriceLevel> yesBids, List<PriceLevel> noBids, long version) {
        this.marketTicker = marketTicker;
        this.seq = seq;
        this.stale = stale;
        this.yesBids = yesBids;
        this.noBids = noBids;
        this.yesTotal = sum(yesBids);
        this.noTotal = sum(noBids);
        this.version = version;
    }

    private static BigDecimal sum(List<PriceLevel> levels) {
        BigDecimal total = BigDecimal.ZERO;
        for (PriceLevel l : levels) {
            total = total.add(l.count());
        }
        return total;
    }

    long version() {
        return version;
    }

    /**
     * Returns the market this book belongs to.
     *
     * @return the market ticker
     */
    public String marketTicker() {
        return marketTicker;
    }

    /**
     * Returns the sequence number of the last snapshot or delta reflected here.
     *
     * @return the seq, or 0 before the first snapshot
     */
    public long seq() {
        return seq;
    }

    /**
     * Tells whether the book was stale when this view was taken: no snapshot yet, or a
     * consistency error or sequence gap since the last one. A stale view shows the last
     * known levels, which may be wrong.
     *
     * @return true if the levels must not be trusted
     */
    public boolean isStale() {
        return stale;
    }

    /**
     * Returns the YES bids, best (highest price) first.
     *
     * @return an unmodifiable list, empty if there are none
     */
    public List<PriceLevel> yesBids() {
        return yesBids;
    }

    /**
     * Returns the NO bids, best (highest price) first.
     *
     * @return an unmodifiable list, empty if there are none
     */
    public List<PriceLevel> noBids() {
        return noBids;
    }

    /**
     * Returns the bids of one side, best first.
     *
     * @param side YES or NO
     * @return an unmodifiable list, empty if there are none
     */
    public List<PriceLevel> bids(Side side) {
        return Objects.requireNonNull(side, "side") == Side.YES ? yesBids : noBids;
    }

    /**
     * Returns the best level of one side.
     *
     * @param side YES or NO
     * @return the highest-priced bid level, or empty if the side has no bids
     */
    public Optional<PriceLevel> bestLevel(Side side) {
        List<PriceLevel> bids = bids(side);
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
    }

    /**
     * Returns the highest YES bid price.
     *
     * @return the price, or empty if there are no YES bids
     */
    public Optional<BigDecimal> bestYesBid() {
        return bestLevel(Side.YES).map(PriceLevel::price);
    }

    /**
     * Returns the highest NO bid price.
     *
     * @return the price, or empty if there are no NO bids
     */
    public Optional<BigDecimal> bestNoBid() {
        return bestLevel(Side.NO).map(PriceLevel::price);
    }

    /**
     * Returns the price at which YES can be bought now: 1 minus the best NO bid.
     *
     * @return the implied YES ask, or empty if there are no NO bids
     */
    public Optional<BigDecimal> yesAsk() {
        return bestNoBid().map(BigDecimal.ONE::subtract);
    }

    /**
     * Returns the price at which NO can be bought now: 1 minus the best YES bid.
     *
     * @return the implied NO ask, or empty if there are no YES bids
     */
    public Optional<BigDecimal> noAsk() {
        return bestYesBid().map(BigDecimal.ONE::subtract);
    }

    /**
     * Returns the YES spread, {@code yesAsk - bestYesBid} (equal to the NO spread).
     *
     * @return the spread, or empty if either side has no bids
     */
    public Optional<BigDecimal> spread() {
        Optional<BigDecimal> bid = bestYesBid();
        return bid.isEmpty() ? Optional.empty() : yesAsk().map(ask -> ask.subtract(bid.get()));
    }

    /**
     * Returns the best {@code n} levels of one side.
     *
     * @param side YES or NO
     * @param n how many levels, at least 0
     * @return an unmodifiable list of at most {@code n} levels, best first
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public List<PriceLevel> depth(Side side, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        List<PriceLevel> bids = bids(side);
        return n >= bids.size() ? bids : bids.subList(0, n);
    }

    /**
     * Returns the number of contracts bid on one side, over all levels.
     *
     * @param side YES or NO
     * @return the sum of counts, {@link BigDecimal#ZERO} if the side is empty
     */
    public BigDecimal totalCount(Side side) {
        return Objects.requireNonNull(side, "side") == Side.YES ? yesTotal : noTotal;
    }

    /**
     * Summarizes the view for logs.
     *
     * @return ticker, seq, staleness, best bids and level counts
     */
    @Override
    public String toString() {
        return "OrderbookView{" + marketTicker + " seq=" + seq + (stale ? " STALE" : "")
                + " yes=" + yesBids.size() + " levels best " + bestYesBid().map(BigDecimal::toPlainString).orElse("-")
                + ", no=" + noBids.size() + " levels best " + bestNoBid().map(BigDecimal::toPlainString).orElse("-")
                + "}";
    }
}
