package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/** A growable array of latencies in nanoseconds, one per thread; merged and sorted for percentiles. */
final class Latencies {

    private long[] values = new long[1 << 12];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static long[] merged(Latencies... parts) {
        int n = 0;
        for (Latencies p : parts) {
            n += p.size;
        }
        long[] all = new long[n];
        int at = 0;
        for (Latencies p : parts) {
            System.arraycopy(p.values, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The q-quantile (0..1) of sorted values, nearest rank. */
    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** Writes count, throughput and p50/p90/p99 in microseconds. */
    static void describe(ObjectNode out, long[] sorted, double seconds) {
        out.put("count", sorted.length);
        out.put("seconds", seconds);
        out.put("perSecond", sorted.length / seconds);
        out.put("p50us", quantile(sorted, 0.50) / 1e3);
        out.put("p90us", quantile(sorted, 0.90) / 1e3);
        out.put("p99us", quantile(sorted, 0.99) / 1e3);
    }
}
