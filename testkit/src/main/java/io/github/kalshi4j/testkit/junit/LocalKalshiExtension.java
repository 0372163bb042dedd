package io.github.kalshi4j.testkit.junit;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
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
        KalshiClient client = store.remove("client", KalshiClient.class);
        if (client != null) {
            client.close();
        }
        LocalKalshiExchange exchange = store.remove("exchange", LocalKalshiExchange.class);
        if (exchange != null) {
            exchange.close();
        }
    }

    private static LocalKalshiExchange exchange(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NS).getOrComputeIfAbsent("exchange", k -> {
            LocalKalshi cfg = classContext.getRequiredTestClass().getAnnotation(LocalKalshi.class);
            LocalKalshiExchange.Builder b = LocalKalshiExchange.builder();
            if (cfg != null) {
                b.rateLimits(cfg.rateLimits());
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

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static KalshiClient client(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NS).getOrComputeIfAbsent("client", k -> exchange(context).client(),
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
