package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders {@link TableSurfaceTest}'s small spec through the tabular export's pipeline of the build
 * ({@link SpecNormalizer}, {@link TableSurface}, then the OpenAPI Generator configured like the {@code table-schemas}
 * execution of {@code tabular/pom.xml} with {@code generated/codegen-tabular.yaml}) and compares {@code TableSchemas}
 * with the golden under {@code src/test/resources/golden-tabular/expected}. The real build compiles the rendered
 * file against the tabular module's {@code TableSchema} and {@code Column}.
 *
 * <p>Refresh the golden as for the other templates: {@code -Dgolden.update=true}, then read the diff.
 */
class GoldenTabularTemplateTest {

    static final Path EXPECTED = Repo.MODULE.resolve("src/test/resources/golden-tabular/expected");

    @TempDir
    static Path work;

    @Test
    void renderedTableSchemasMatchTheCommittedGoldenFileByteForByte() throws IOException {
        ObjectNode spec = (ObjectNode) Repo.yaml(TableSurfaceTest.SPEC);
        SpecNormalizer.normalizeOpenApi(spec);
        TableSurface.derive(spec);
        Path input = work.resolve("spec/tables.json");
        Files.createDirectories(input.getParent());
        Files.write(input, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
        Path out = work.resolve("tables");
        GoldenWsTemplatesTest.generate("generated/codegen-tabular.yaml", input, out, "supportingFiles",
                "TableSchemas.java");
        Map<String, byte[]> files = GoldenTemplatesTest.javaFiles(out);
        assertFalse(files.isEmpty(), "the generator rendered no .java file");
        GoldenTemplatesTest.assertMatchesGoldens(EXPECTED, files);
    }
}
