package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.kalshi4j.codegen.PrepareSpecs;
import io.github.kalshi4j.codegen.SpecLock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The tabular export's columns follow the OpenAPI spec with no hand-written Java: a scratch copy of the project
 * ({@link ScratchBuild}) pins a spec whose {@code Market} has two more properties, a fixed-point one and a nested
 * object, builds the models and {@code kalshi4j-tabular} from it, and runs a probe test there that finds the new
 * columns and writes them. The project and the local Maven repository are not touched.
 */
class TableSchemasFollowTheSpecTest {

    @Test
    void aPropertyAddedToTheSpecIsANewColumnWithNoJavaEdit() throws Exception {
        ObjectMapper yaml = PrepareSpecs.yamlMapper();
        SpecLock lock = SpecLock.read(Repo.ROOT);
        ObjectNode spec = (ObjectNode) yaml.readTree(lock.materialize("openapi"));
        ObjectNode market = spec.withObject("/components/schemas/Market/properties");
        market.set("zz_probe_reserve_dollars", yaml.readTree("""
                {type: string, description: A probe amount kalshi4j's test adds to the pinned spec}
                """));
        market.set("zz_probe_detail", yaml.readTree("""
                type: object
                properties:
                  note: {type: string}
                """));
        byte[] bytes = new ObjectMapper(new YAMLFactory()).writeValueAsBytes(spec);

        Path log = Repo.ROOT.resolve("contract-tests/target/tabular-new-property-scratch.log");
        try (ScratchBuild scratch = ScratchBuild.copyOf(Repo.ROOT)) {
            scratch.pin("openapi", bytes, "3.30.0-probe");
            String probe = new String(getClass().getResourceAsStream("/scratch/ScratchNewPropertyProbeTest.java")
                    .readAllBytes(), StandardCharsets.UTF_8);
            scratch.write("tabular/src/test/java/io/github/kalshi4j/tabular/ScratchNewPropertyProbeTest.java", probe);
            // Only what the table schemas come from and the tabular module: the probe needs neither the overlay
            // nor the testkit of the scratch spec (tabular's test dependencies come from the local repository, where
            // the build that runs this test installed them).
            int status = scratch.maven(WsSurfaceFollowsTheSpecTest.MAVEN, List.of("-q", "test", "-Dquick", "-pl",
                    "generator-templates,generated,tabular", "-Dtest=ScratchNewPropertyProbeTest",
                    "-Dsurefire.failIfNoSpecifiedTests=false"), log, 15);
            ScratchProbes.assertProbePassed(status, log, "the added property", scratch.root().resolve(
                    "tabular/target/surefire-reports/TEST-io.github.kalshi4j.tabular.ScratchNewPropertyProbeTest.xml"));
        }
    }
}
