package io.discogen.it.emulator;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator per test class (before any {@code @BeforeAll}) and stops it after the
 * class; injects it into {@code @BeforeAll}, test and lifecycle method parameters of its type.
 * A missing emulator aborts the whole class (skipped), or fails it when {@code CI=true}.
 *
 * <pre>
 * &#64;ExtendWith(SpannerEmulatorExtension.class)
 * class MyTest {
 *     &#64;BeforeAll static void setUp(SpannerEmulator emulator) { ... emulator.restUrl() ... }
 * }
 * </pre>
 */
abstract class EmulatorExtension<E extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EmulatorExtension.class);

    private final Class<E> type;

    EmulatorExtension(Class<E> type) {
        this.type = type;
    }

    /** Starts a new emulator; may abort/fail via the missing-emulator policy. */
    abstract E start() throws Exception;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        obtain(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return obtain(extensionContext);
        } catch (Exception e) {
            throw new ParameterResolutionException("could not start " + type.getSimpleName(), e);
        }
    }

    private E obtain(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = classContext(context).getStore(NS);
        Holder<?> h = store.get(type, Holder.class);
        if (h == null) {
            E started = start(); // outside the store, so an abort/failure propagates unwrapped
            h = new Holder<>(started);
            store.put(type, h);
        }
        return type.cast(h.emulator);
    }

    /** The innermost class-level context (so each test class, nested ones too, owns its emulator). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closed by JUnit when the owning class context ends. */
    private static final class Holder<T extends AutoCloseable> implements ExtensionContext.Store.CloseableResource {
        final T emulator;

        Holder(T emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() throws Exception {
            emulator.close();
        }
    }
}
