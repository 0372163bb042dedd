package io.github.kalshi4j.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make drift} without arguments: the pinned specs against the compiled SDK. Three comparisons, all of whose
 * differences must be explained by {@code contract-tests/exclusions.yaml}:
 *
 * <ol>
 *   <li>{@code overlay}: Kalshi's published OpenAPI document to the effective one (spec/overlays applied), so every
 *       correction we make to Kalshi's document is named and justified;</li>
 *   <li>{@code rest}: the compiled REST surface to the effective OpenAPI document;</li>
 *   <li>{@code ws}: the compiled WebSocket surface to the AsyncAPI document.</li>
 * </ol>
 */
public final class PinnedDriftCheck {

    /** Where the inputs are. Tests point these at modified copies. */
    public record Inputs(Path rawOpenApi, Path effectiveOpenApi, Path asyncApi, Path exclusions) {

        /** The repository's own files: {@code spec/materialized/*} (written by the build) and the exclusions. */
        public static Inputs fromRoot(Path root) {
            Path materialized = root.resolve("spec/materialized");
            return new Inputs(materialized.resolve("openapi.yaml"), materialized.resolve("openapi.effective.json"),
                    materialized.resolve("asyncapi.yaml"), root.resolve("contract-tests/exclusions.yaml"));
        }

        /** The same inputs with other exclusions. */
        public Inputs withExclusions(Path file) {
            return new Inputs(rawOpenApi, effectiveOpenApi, asyncApi, file);
        }
    }

    private PinnedDriftCheck() {
    }

    /**
     * Runs the three comparisons and applies the exclusions.
     *
     * @throws IOException when an input is missing (the build writes spec/materialized: run {@code mvn install} first)
     */
    public static DriftReport run(Inputs in, Surface surface) throws IOException {
        for (Path p : List.of(in.rawOpenApi(), in.effectiveOpenApi(), in.asyncApi())) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " is missing; the build writes it: run `mvn install -DskipTests` (or"
                        + " `make generate`) first");
            }
        }
        ApiShape raw = OpenApiReader.read(Files.readAllBytes(in.rawOpenApi()), "openapi");
        ApiShape effective = OpenApiReader.read(Files.readAllBytes(in.effectiveOpenApi()), "openapi effective");
        ApiShape asyncapi = AsyncApiReader.read(Files.readAllBytes(in.asyncApi()), "asyncapi");

        List<DriftReport.Comparison> comparisons = List.of(
                new DriftReport.Comparison("overlay", "openapi " + raw.version() + " as published",
                        "openapi " + effective.version() + " with spec/overlays applied"),
                new DriftReport.Comparison("rest", surface.rest().label(), "openapi " + effective.version() + " (effective)"),
                new DriftReport.Comparison("ws", surface.ws().label(), "asyncapi " + asyncapi.version()));
        List<DriftItem> items = new ArrayList<>();
        items.addAll(ShapeDiffer.diff("overlay", ShapeDiffer.Mode.SPECS, raw, effective));
        items.addAll(ShapeDiffer.diff("rest", ShapeDiffer.Mode.SDK_TO_SPEC, surface.rest(), effective));
        items.addAll(ShapeDiffer.diff("ws", ShapeDiffer.Mode.SDK_TO_SPEC, surface.ws(), asyncapi));
        return DriftReport.of("kalshi4j contract drift: pinned specs vs the compiled SDK", comparisons, items,
                Exclusions.load(in.exclusions()));
    }
}
