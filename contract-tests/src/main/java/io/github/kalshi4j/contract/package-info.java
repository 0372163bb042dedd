/**
 * Contract drift between Kalshi's specs and the compiled SDK.
 *
 * <p>Three sources are read into one neutral {@link io.github.kalshi4j.contract.ApiShape}: an OpenAPI document
 * ({@link io.github.kalshi4j.contract.OpenApiReader}, swagger-parser), an AsyncAPI document
 * ({@link io.github.kalshi4j.contract.AsyncApiReader}, Jackson YAML) and the compiled surface
 * ({@link io.github.kalshi4j.contract.ReflectiveSurface}, reflection over {@code KalshiClient}, the stubs and the
 * models). {@link io.github.kalshi4j.contract.ShapeDiffer} compares two shapes; {@link
 * io.github.kalshi4j.contract.Exclusions} explains the deliberate deviations; {@link
 * io.github.kalshi4j.contract.DriftMain} ({@code make drift}) and {@link io.github.kalshi4j.contract.SyncSpecMain}
 * ({@code make sync-spec}) are the entry points.
 */
package io.github.kalshi4j.contract;
