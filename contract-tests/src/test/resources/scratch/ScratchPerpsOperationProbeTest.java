package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.perps.api.Operations;
import io.github.kalshi4j.transport.OperationInfo;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Runs inside a scratch copy of the project whose perps-openapi pin has an added operation (PerpsRestFollowsTheSpecTest
 * writes it there): the operation was generated, is reachable, has BigDecimal money, and drift is clean.
 */
class ScratchPerpsOperationProbeTest {

    @Test
    void theAddedPerpsOperationIsGeneratedReachableAndDriftFree() throws Exception {
        OperationInfo info = Operations.all().stream().filter(o -> o.operationId().equals("GetMarginZzProbe"))
                .findFirst().orElseThrow(() -> new AssertionError("GetMarginZzProbe is not in perps Operations.all()"));
        assertEquals("GET", info.method());
        assertEquals("/margin/zz_probe/{ticker}", info.pathTemplate());
        assertTrue(info.authenticated(), "signed");

        OperationShape op = ReflectiveSurface.compiled("perps").rest().operations().get("GetMarginZzProbe");
        assertTrue(op.stubProblems().isEmpty(), () -> String.join("; ", op.stubProblems()));
        assertEquals("[depth, ticker]", op.params().values().stream().map(ParamShape::name).sorted()
                .collect(Collectors.toList()).toString());
        assertEquals("ZzProbeResponse", op.response().java().render());

        SchemaShape model = ReflectiveSurface.compiled("perps").rest().schemas().get("ZzProbeResponse");
        assertEquals("BigDecimal", model.properties().get("mark_price").javaType().render());
        assertEquals("BigDecimal", model.properties().get("size").javaType().render());
        Class.forName("io.github.kalshi4j.perps.model.ZzProbeResponse");

        DriftReport report = PinnedDriftCheck.run(PinnedDriftCheck.Inputs.fromRoot(Repo.ROOT),
                ReflectiveSurface.compiled());
        assertTrue(report.ok(), report::text);
        assertTrue(report.comparisons().stream().anyMatch(c -> c.name().equals("perps-rest")), report::text);
        assertTrue(report.items().stream().noneMatch(i -> i.subject().contains("ZzProbe")), report::text);
    }
}
