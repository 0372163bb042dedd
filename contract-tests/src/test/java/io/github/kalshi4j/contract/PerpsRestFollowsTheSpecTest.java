package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.codegen.PrepareSpecs;
import io.github.kalshi4j.codegen.SpecLock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Perps REST surface follows the perps OpenAPI document with no hand-written Java: the test adds an operation (and
 * its response schema, with money in it) to a copy of the pinned perps document, pins that copy as
 * {@code perps-openapi} in a scratch copy of the project ({@link ScratchBuild}), builds the SDK there and runs a probe
 * test inside it: the operation is in the generated operation table, reachable through the generated tag accessors
 * and their async twins, its money is BigDecimal, and {@code make drift}'s check finds no unexplained drift. The
 * project and the local Maven repository are not touched. The build takes a few minutes.
 */
class PerpsRestFollowsTheSpecTest {

    static final String MAVEN = System.getProperty("kalshi4j.mvn", "mvn -B");

    @Test
    void anOperationAddedToThePerpsSpecIsGeneratedWithNoJavaEdit_andDriftStaysClean() throws Exception {
        ObjectMapper yaml = PrepareSpecs.yamlMapper();
        SpecLock lock = SpecLock.read(Repo.ROOT);
        ObjectNode spec = (ObjectNode) yaml.readTree(lock.materialize("perps-openapi"));
        // Signed like the balance endpoint, whatever the document's security scheme names are.
        com.fasterxml.jackson.databind.JsonNode security = null;
        for (com.fasterxml.jackson.databind.JsonNode item : spec.path("paths")) {
            for (com.fasterxml.jackson.databind.JsonNode op : item) {
                if (op.path("operationId").asText().equals("GetMarginBalance")) {
                    security = op.path("security");
                }
            }
        }
        assertTrue(security != null && security.isArray() && !security.isEmpty(), "GetMarginBalance is signed");
        ObjectNode operation = spec.withObject("/paths").putObject("/margin/zz_probe/{ticker}").putObject("get");
        operation.set("security", security.deepCopy());
        operation.setAll((ObjectNode) yaml.readTree("""
                operationId: GetMarginZzProbe
                summary: A probe operation kalshi4j's test adds to the pinned perps spec
                tags: [market]
                parameters:
                  - {name: ticker, in: path, required: true, schema: {type: string}}
                  - {name: depth, in: query, required: false, schema: {type: integer, format: int32}}
                responses:
                  '200':
                    description: The probe.
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/ZzProbeResponse'}
                """));
        spec.withObject("/components/schemas").set("ZzProbeResponse", yaml.readTree("""
                type: object
                required: [ticker, mark_price]
                properties:
                  ticker: {type: string}
                  mark_price: {$ref: '#/components/schemas/FixedPointDollars'}
                  size: {$ref: '#/components/schemas/FixedPointCount'}
                """));
        byte[] bytes = new ObjectMapper().writeValueAsBytes(spec);

        Path log = Repo.ROOT.resolve("contract-tests/target/perps-new-operation-scratch.log");
        try (ScratchBuild scratch = ScratchBuild.copyOf(Repo.ROOT)) {
            scratch.pin("perps-openapi", bytes, "0.0.1-probe");
            String probe = new String(getClass().getResourceAsStream("/scratch/ScratchPerpsOperationProbeTest.java")
                    .readAllBytes(), StandardCharsets.UTF_8);
            scratch.write("contract-tests/src/test/java/io/github/kalshi4j/contract/ScratchPerpsOperationProbeTest.java",
                    probe);
            int status = scratch.maven(MAVEN, List.of("-q", "test", "-Dquick", "-pl", "contract-tests", "-am",
                    "-Dtest=ScratchPerpsOperationProbeTest", "-Dsurefire.failIfNoSpecifiedTests=false"), log, 20);
            ScratchProbes.assertProbePassed(status, log, "the added perps operation", scratch.root().resolve(
                    "contract-tests/target/surefire-reports/"
                    + "TEST-io.github.kalshi4j.contract.ScratchPerpsOperationProbeTest.xml"));
        }
    }
}
