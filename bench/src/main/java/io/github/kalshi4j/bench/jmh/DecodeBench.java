package io.github.kalshi4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.bench.WireSamples;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.model.GetMarketsResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Decoding one GetMarkets page of {@code markets} realistic markets (built from the real captures at run time) into
 * kalshi4j's typed models with the client's own mapper, next to Jackson's {@code readTree} of the same bytes (the
 * cheapest complete parse Jackson offers: every token, no binding).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBench {

    @Param("1000")
    public int markets;

    private byte[] page;
    private ObjectMapper kalshi;
    private ObjectMapper plain;

    @Setup
    public void setup() throws Exception {
        page = WireSamples.marketsPage(WireSamples.dir(), markets, 42);
        kalshi = KalshiMappers.create();
        plain = new ObjectMapper();
        GetMarketsResponse r = kalshi.readValue(page, GetMarketsResponse.class);
        if (r.markets().size() != markets || r.markets().get(markets - 1).yesBidDollars() == null) {
            throw new IllegalStateException("the page did not decode into " + markets + " priced markets");
        }
    }

    @Benchmark
    public GetMarketsResponse typed() throws Exception {
        return kalshi.readValue(page, GetMarketsResponse.class);
    }

    @Benchmark
    public JsonNode readTree() throws Exception {
        return plain.readTree(page);
    }
}
