package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cash and position accounting. Positions net, as on Kalshi: buying NO while holding YES closes
 * YES contracts, and each closed YES/NO pair is redeemed for $1 at once.
 */
final class Ledger {

    private Ledger() {
    }

    /**
     * A bid as far as collateral is concerned, with the maker fees its order accrued (unrounded) and was charged so
     * far: fees round up per order, so the fee still to come is the rounded-up total minus what was charged.
     */
    record Bid(Side bookSide, BigDecimal price, BigDecimal count, BigDecimal makerFeeAccrued, BigDecimal makerFeeCharged) {
        /** A bid of an order that has not been filled as a maker yet. */
        Bid(Side bookSide, BigDecimal price, BigDecimal count) {
            this(bookSide, price, count, BigDecimal.ZERO, FixedPoint.ZERO_MONEY);
        }
    }

    /**
     * Cash to hold back for an account's resting bids in one market given its position there.
     *
     * <p>A bid that would close contracts the account holds (a NO bid against YES holdings) needs
     * no cash: the fill pays {@code x} and redeems the pair for $1. Holdings cover the cheapest
     * bids of the side first, which reserves the most, because any of the bids may fill first.
     * Maker fees are reserved on every bid as {@code round_up(accrued + fee of the rest) - charged}:
     * fees round up per order (see {@link Fees}), so the charges of the remaining fills add up to
     * exactly that, and the reserve never runs short however the order fills.
     */
    static BigDecimal reserve(BigDecimal position, List<Bid> bids, FeeTerms fees) {
        BigDecimal total = FixedPoint.ZERO_MONEY;
        for (Side side : Side.values()) {
            BigDecimal cover = holdings(position, side.opposite());
            List<Bid> ofSide = new ArrayList<>();
            for (Bid bid : bids) {
                if (bid.bookSide() == side) {
                    ofSide.add(bid);
                }
            }
            ofSide.sort(Comparator.comparing(Bid::price));
            for (Bid bid : ofSide) {
                BigDecimal covered = cover.min(bid.count());
                cover = cover.subtract(covered);
                total = total.add(bid.price().multiply(bid.count().subtract(covered)))
                        .add(Fees.charge(bid.makerFeeAccrued(), Fees.rawMakerFee(fees.type(),
                                fees.multiplier(), bid.count(), bid.price()), bid.makerFeeCharged()));
            }
        }
        return total;
    }

    /** Contracts of {@code side} held under a signed {@code position}. */
    static BigDecimal holdings(BigDecimal position, Side side) {
        BigDecimal signed = side == Side.YES ? position : position.negate();
        return signed.signum() > 0 ? signed : FixedPoint.ZERO_COUNT;
    }

    static List<Bid> bidsOf(Iterable<OrderState> orders) {
        List<Bid> bids = new ArrayList<>();
        for (OrderState order : orders) {
            bids.add(bidOf(order, order.remainingCount));
        }
        return bids;
    }

    /** The collateral view of {@code count} contracts of an order's bid, with its maker fees so far. */
    static Bid bidOf(OrderState order, BigDecimal count) {
        return new Bid(order.bookSide(), order.bookPrice(), count, order.makerFeeAccrued, order.makerFees);
    }

    /** Recomputes the reserve of the account's resting orders in the position's market. */
    static void recomputeReserve(AccountState account, PositionState position) {
        BigDecimal updated = reserve(position.position, bidsOf(position.resting), position.market.feeTerms());
        account.reserved = account.reserved.subtract(position.reserve).add(updated);
        position.reserve = updated;
    }

    /**
     * Books one fill for one account: acquiring {@code count} contracts of {@code bookSide} at
     * {@code price} each, paying {@code fee}. Contracts of the opposite side held are closed first.
     * Returns the position after the fill.
     */
    static PositionState applyFill(AccountState account, MarketState market, Side bookSide, BigDecimal count,
            BigDecimal price, BigDecimal fee, BigDecimal ownSidePrice, Instant now) {
        PositionState p = account.position(market, now);
        BigDecimal before = p.position;
        BigDecimal held = p.holdings(bookSide.opposite());
        BigDecimal closed = count.min(held);
        BigDecimal opened = count.subtract(closed);

        account.cash = account.cash.subtract(count.multiply(price)).add(closed).subtract(fee);
        account.updatedTime = now;

        if (closed.signum() > 0) {
            // Average-cost basis: the closed share of the position takes its share of the cost.
            BigDecimal removed = closed.compareTo(held) == 0
                    ? p.cost
                    : p.cost.multiply(closed).divide(held, FixedPoint.MONEY_MAX_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal proceeds = closed.multiply(BigDecimal.ONE.subtract(price));
            p.realizedPnl = p.realizedPnl.add(proceeds).subtract(removed);
            p.cost = p.cost.subtract(removed);
        }
        if (opened.signum() > 0) {
            p.cost = p.cost.add(opened.multiply(price));
        }
        p.position = bookSide == Side.YES ? before.add(count) : before.subtract(count);
        p.feesPaid = p.feesPaid.add(fee);
        p.totalTraded = p.totalTraded.add(count.multiply(ownSidePrice));
        p.volume = p.volume.add(count);
        p.lastUpdated = now;
        market.openInterest = market.openInterest
                .add(holdings(p.position, Side.YES))
                .subtract(holdings(before, Side.YES));
        return p;
    }

    /**
     * Pays out one account's position at settlement and clears it. Returns the settlement record,
     * or null when the account held nothing.
     */
    static Settlement settle(AccountState account, MarketState market, Side result, Instant now, long sequence) {
        PositionState p = account.existingPosition(market);
        if (p == null || p.position.signum() == 0) {
            return null;
        }
        BigDecimal yesCount = p.holdings(Side.YES);
        BigDecimal noCount = p.holdings(Side.NO);
        BigDecimal payout = result == Side.YES ? yesCount : noCount;
        BigDecimal cost = FixedPoint.money(p.cost);
        Settlement settlement = new Settlement(account.userId(), market.ticker, market.event.ticker(), result,
                yesCount, yesCount.signum() > 0 ? cost : FixedPoint.ZERO_MONEY,
                noCount, noCount.signum() > 0 ? cost : FixedPoint.ZERO_MONEY,
                FixedPoint.money(payout), market.settlementValue, FixedPoint.money(p.feesPaid), now, sequence);

        account.cash = account.cash.add(payout);
        account.updatedTime = now;
        p.realizedPnl = p.realizedPnl.add(payout).subtract(p.cost);
        market.openInterest = market.openInterest.subtract(yesCount);
        p.position = FixedPoint.ZERO_COUNT;
        p.cost = FixedPoint.ZERO_MONEY;
        p.lastUpdated = now;
        return settlement;
    }
}
