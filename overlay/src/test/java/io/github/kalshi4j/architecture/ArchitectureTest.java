package io.github.kalshi4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.kalshi4j.errors.KalshiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of the SDK that the build enforces rather than a reviewer: one exception root, generated packages that
 * nobody writes into by hand, and an engine-agnostic generated layer.
 */
class ArchitectureTest {

    /** Packages only the generator writes: a hand-written class there would be lost or clash on the next bump. */
    private static final Set<String> GENERATED_ONLY = Set.of("io.github.kalshi4j.model", "io.github.kalshi4j.api",
            "io.github.kalshi4j.transport", "io.github.kalshi4j.ws.model", "io.github.kalshi4j.perps.model",
            "io.github.kalshi4j.perps.api", "io.github.kalshi4j.perps.ws",
            "io.github.kalshi4j.perps.ws.model");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static JavaClasses sdk;

    @BeforeAll
    static void importSdk() {
        // The overlay's own classes and the generated jar on its classpath. Tests are not the SDK, nor is the
        // build-time spec tool (codegen) that the overlay's build runs and the jar does not contain.
        sdk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.kalshi4j")
                .that(JavaClass.Predicates.resideOutsideOfPackage("io.github.kalshi4j.codegen.."));
        assertTrue(sdk.contain(KalshiException.class), "the SDK's classes were imported");
        assertTrue(sdk.stream().anyMatch(c -> c.getPackageName().equals("io.github.kalshi4j.model")),
                "the generated classes were imported");
    }

    @Test
    void onlyKalshiException_extendsRuntimeException() {
        // Every unchecked exception the SDK defines is a KalshiException, so one catch clause covers them all.
        noClasses().that().resideInAPackage("io.github.kalshi4j..").and().areNotAssignableTo(KalshiException.class)
                .should().beAssignableTo(RuntimeException.class)
                .because("the README promises one unchecked exception root, KalshiException")
                .check(sdk);
        classes().that().areAssignableTo(KalshiException.class).and().doNotHaveFullyQualifiedName(
                        KalshiException.class.getName())
                .should().resideInAPackage("io.github.kalshi4j.errors")
                .because("users find every exception type in one package")
                .check(sdk);
    }

    @Test
    void generatedCode_dependsOnNothingHandWritten() {
        // The seam: generated models and stubs know the transport SPI they declare, never the overlay behind it.
        noClasses().that().resideInAnyPackage("io.github.kalshi4j.model..", "io.github.kalshi4j.api..",
                        "io.github.kalshi4j.transport..", "io.github.kalshi4j.perps..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.kalshi4j.client..",
                        "io.github.kalshi4j.internal..", "io.github.kalshi4j.http..", "io.github.kalshi4j.auth..",
                        "io.github.kalshi4j.ratelimit..", "io.github.kalshi4j.pagination..")
                .check(sdk);
    }

    @Test
    void generatedPackages_holdNoHandWrittenClass() throws IOException {
        Path overlay = Paths.get(System.getProperty("user.dir"));
        List<String> offenders = new ArrayList<>();
        for (String dir : List.of("src/main/java", "src/main/java22")) {
            Path root = overlay.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = PACKAGE.matcher(Files.readString(f));
                    if (m.find() && GENERATED_ONLY.contains(m.group(1))) {
                        offenders.add(overlay.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(Files.isDirectory(overlay.resolve("src/main/java/io/github/kalshi4j/client")),
                "run from the overlay module: " + overlay);
        assertEquals(List.of(), offenders, "hand-written classes in generated packages: change a template instead");
    }
}
