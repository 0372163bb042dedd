package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code make drift} without arguments: the pinned specs against the compiled SDK. Three comparisons per API of
 * {@code spec/spec.lock.json}, all of whose differences must be explained by {@code contract-tests/exclusions.yaml}:
 *
 * <ol>
 *   <li>{@code overlay}: Kalshi's published OpenAPI document to the effective one (spec/overlays applied), so every
 *       correction we make to Kalshi's document is named and justified;</li>
 *   <li>{@code rest}: the compiled REST surface to the effective OpenAPI document;</li>
 *   <li>{@code ws}: the compiled WebSocket surface to the AsyncAPI document.</li>
 * </ol>
 *
 * The Trade API's comparisons are named {@code overlay}, {@code rest} and {@code ws}; another API's carry its name
 * ({@code perps-overlay}, {@code perps-rest}, {@code perps-ws}), and their labels name the pinned document
 * ({@code perps-openapi 0.0.1}).
 */
public final class PinnedDriftCheck {

    /**
     * The pinned documents of one API other than the Trade API.
     *
     * @param api the API's name in the lock ({@code perps})
     */
    public record ApiDocuments(String api, Path rawOpenApi, Path effectiveOpenApi, Path asyncApi) {

        /** The API's files under {@code spec/materialized/}, as the build writes them. */
        public static ApiDocuments materialized(Path root, String api) {
            Path materialized = root.resolve("spec/materialized");
            String openapi = SpecLock.kindOf(api, "openapi");
            return new ApiDocuments(api, materialized.resolve(openapi + ".yaml"),
                    materialized.resolve(openapi + ".effective.json"),
                    materialized.resolve(SpecLock.kindOf(api, "asyncapi") + ".yaml"));
        }
    }

    /**
     * Where the inputs are. Tests point these at modified copies.
     *
     * @param others the documents of the APIs other than the Trade API, by API name
     */
    public record Inputs(Path rawOpenApi, Path effectiveOpenApi, Path asyncApi, Path exclusions,
            Map<String, ApiDocuments> others) {

        /** The Trade API's documents only. */
        public Inputs(Path rawOpenApi, Path effectiveOpenApi, Path asyncApi, Path exclusions) {
            this(rawOpenApi, effectiveOpenApi, asyncApi, exclusions, Map.of());
        }

        /** Copies {@code others}. */
        public Inputs {
            others = Map.copyOf(others);
        }

        /**
         * The repository's own files: {@code spec/materialized/*} (written by the build) for every API the lock pins
         * both documents of, and the exclusions.
         */
        public static Inputs fromRoot(Path root) {
            Path materialized = root.resolve("spec/materialized");
            SpecLock lock;
            try {
                lock = SpecLock.read(root);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Map<String, ApiDocuments> others = new LinkedHashMap<>();
            for (String api : lock.apis()) {
                if (!api.equals("trade")) {
                    others.put(api, ApiDocuments.materialized(root, api));
                }
            }
            return new Inputs(materialized.resolve("openapi.yaml"), materialized.resolve("openapi.effective.json"),
                    materialized.resolve("asyncapi.yaml"), root.resolve("contract-tests/exclusions.yaml"), others);
        }

        /** The same inputs with other exclusions. */
        public Inputs withExclusions(Path file) {
            return new Inputs(rawOpenApi, effectiveOpenApi, asyncApi, file, others);
        }

        /** The same inputs with one other API's documents replaced (or added). */
        public Inputs with(ApiDocuments documents) {
            Map<String, ApiDocuments> copy = new LinkedHashMap<>(others);
            copy.put(documents.api(), documents);
            return new Inputs(rawOpenApi, effectiveOpenApi, asyncApi, exclusions, copy);
        }
    }

    private PinnedDriftCheck() {
    }

    /**
     * Runs the comparisons of every API and applies the exclusions; the Trade API's surface is {@code surface}, every
     * other API's the compiled one ({@link ReflectiveSurface#compiled(String)}).
     *
     * @throws IOException when an input is missing (the build writes spec/materialized: run {@code mvn install} first)
     */
    public static DriftReport run(Inputs in, Surface surface) throws IOException {
        return run(in, surface, ReflectiveSurface::compiled);
    }

    /**
     * Runs the comparisons of every API, with the surface of each API other than the Trade API from {@code others}
     * (null: the SDK has no surface for it, which is itself a problem the report shows).
     */
    public static DriftReport run(Inputs in, Surface surface, Function<String, Surface> others) throws IOException {
        List<DriftReport.Comparison> comparisons = new ArrayList<>();
        List<DriftItem> items = new ArrayList<>();
        compare("", in.rawOpenApi(), in.effectiveOpenApi(), in.asyncApi(), surface, comparisons, items);
        for (ApiDocuments docs : in.others().values()) {
            Surface s = others.apply(docs.api());
            if (s == null) {
                throw new IOException("spec/spec.lock.json pins the " + docs.api() + " API, but the SDK has no surface"
                        + " for it (ReflectiveSurface.Binding)");
            }
            compare(docs.api() + "-", docs.rawOpenApi(), docs.effectiveOpenApi(), docs.asyncApi(), s, comparisons,
                    items);
        }
        return DriftReport.of("kalshi4j contract drift: pinned specs vs the compiled SDK", comparisons, items,
                Exclusions.load(in.exclusions()));
    }

    private static void compare(String prefix, Path rawOpenApi, Path effectiveOpenApi, Path asyncApi, Surface surface,
            List<DriftReport.Comparison> comparisons, List<DriftItem> items) throws IOException {
        for (Path p : List.of(rawOpenApi, effectiveOpenApi, asyncApi)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " is missing; the build writes it: run `mvn install -DskipTests` (or"
                        + " `make generate`) first");
            }
        }
        String openapi = prefix + "openapi";
        String asyncapiName = prefix + "asyncapi";
        ApiShape raw = OpenApiReader.read(Files.readAllBytes(rawOpenApi), openapi);
        ApiShape effective = OpenApiReader.read(Files.readAllBytes(effectiveOpenApi), openapi + " effective");
        ApiShape asyncapi = AsyncApiReader.read(Files.readAllBytes(asyncApi), asyncapiName);

        comparisons.add(new DriftReport.Comparison(prefix + "overlay", openapi + " " + raw.version() + " as published",
                openapi + " " + effective.version() + " with spec/overlays/" + openapi + "-* applied"));
        comparisons.add(new DriftReport.Comparison(prefix + "rest", surface.rest().label(),
                openapi + " " + effective.version() + " (effective)"));
        comparisons.add(new DriftReport.Comparison(prefix + "ws", surface.ws().label(),
                asyncapiName + " " + asyncapi.version()));
        items.addAll(ShapeDiffer.diff(prefix + "overlay", ShapeDiffer.Mode.SPECS, raw, effective));
        items.addAll(ShapeDiffer.diff(prefix + "rest", ShapeDiffer.Mode.SDK_TO_SPEC, surface.rest(), effective));
        items.addAll(ShapeDiffer.diff(prefix + "ws", ShapeDiffer.Mode.SDK_TO_SPEC, surface.ws(), asyncapi));
    }
}
