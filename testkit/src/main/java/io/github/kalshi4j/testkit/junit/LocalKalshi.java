package io.github.kalshi4j.testkit.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a started {@link io.github.kalshi4j.testkit.LocalKalshiExchange}: test methods and
 * constructors may take the exchange, a {@code KalshiClient} or a {@code KalshiAsyncClient} (signed as the first
 * seeded member) as parameters. One exchange serves the whole class and stops after it; a
 * {@code @Nested} class without its own annotation gets an exchange configured by the enclosing class's.
 *
 * <pre>{@code
 * @LocalKalshi
 * class MyBotTest {
 *     @Test
 *     void placesAnOrder(KalshiClient client, LocalKalshiExchange exchange) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalKalshiExtension.class)
public @interface LocalKalshi {

    /** Enforce per-tier rate limits (off by default). */
    boolean rateLimits() default false;

    /** A seed file (classpath resource) instead of the default seed. */
    String seedResource() default "";

    /**
     * Validate every REST response body (success and error) against the spec ({@link
     * io.github.kalshi4j.testkit.SpecValidator#locate()}: {@code -Dkalshi4j.specFile=...} names the document), and
     * fail the class after its tests if any body did not conform.
     */
    boolean validateSpec() default false;
}
