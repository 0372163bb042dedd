package io.github.kalshi4j.testkit.junit;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.SpecValidation;
import io.github.kalshi4j.testkit.SpecValidator;
import io.github.kalshi4j.testkit.engine.Seed;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.InputStream;

/**
 * The JUnit 5 extension behind {@link LocalKalshi}: starts one exchange per test class and resolves
 * {@link LocalKalshiExchange}, {@link KalshiClient} and {@link KalshiAsyncClient} parameters.
 */
public final class LocalKalshiExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalKalshiExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        exchange(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        KalshiClient client = store.remove("client:" + exchangeKey(context), KalshiClient.class);
        if (client != null) {
            client.close();
        }
        LocalKalshiExchange exchange = store.remove(exchangeKey(context), LocalKalshiExchange.class);
        if (exchange != null) {
            exchange.close();
            LocalKalshi cfg = configuration(context.getRequiredTestClass());
            if (cfg != null && cfg.validateSpec()) {
                exchange.specValidation().assertConforms();
            }
        }
    }

    private static LocalKalshiExchange exchange(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NS).getOrComputeIfAbsent(exchangeKey(classContext), k -> {
            LocalKalshi cfg = configuration(classContext.getRequiredTestClass());
            LocalKalshiExchange.Builder b = LocalKalshiExchange.builder();
            if (cfg != null) {
                b.rateLimits(cfg.rateLimits());
                if (cfg.validateSpec()) {
                    // A tally of the class's own, so afterAll fails the class that sent a non-conforming body.
                    b.specValidation(new SpecValidation(SpecValidator.locate()));
                }
                if (!cfg.seedResource().isEmpty()) {
                    try (InputStream in = classContext.getRequiredTestClass().getClassLoader()
                            .getResourceAsStream(cfg.seedResource())) {
                        if (in == null) {
                            throw new IllegalArgumentException("seed resource not found: " + cfg.seedResource());
                        }
                        b.seed(Seed.load(in));
                    } catch (java.io.IOException e) {
                        throw new IllegalArgumentException("cannot read seed " + cfg.seedResource(), e);
                    }
                }
            }
            return b.start();
        }, LocalKalshiExchange.class);
    }

    /**
     * The class's own {@link LocalKalshi}, else the nearest enclosing class's: a {@code @Nested} class without one
     * runs on an exchange configured like its outer class's (same seed, same rate limits), not a default one.
     */
    static LocalKalshi configuration(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            LocalKalshi cfg = c.getAnnotation(LocalKalshi.class);
            if (cfg != null) {
                return cfg;
            }
        }
        return null;
    }

    /**
     * The store key of the exchange a class runs on, named after the class whose annotation configures it. Stores are
     * looked up through the enclosing contexts, so a {@code @Nested} class without an annotation finds its outer
     * class's exchange, while one with its own annotation gets (and later closes) its own.
     */
    private static String exchangeKey(ExtensionContext context) {
        Class<?> testClass = classContext(context).getRequiredTestClass();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(LocalKalshi.class)) {
                return "exchange:" + c.getName();
            }
        }
        return "exchange:" + testClass.getName();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static KalshiClient client(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NS).getOrComputeIfAbsent("client:" + exchangeKey(context), k -> exchange(context).client(),
                KalshiClient.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == LocalKalshiExchange.class || t == KalshiClient.class || t == KalshiAsyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        if (t == LocalKalshiExchange.class) {
            return exchange(e);
        }
        if (t == KalshiClient.class) {
            return client(e);
        }
        if (t == KalshiAsyncClient.class) {
            return client(e).async();
        }
        throw new ParameterResolutionException("unsupported parameter " + t);
    }
}
