package io.discogen.it.emulator;

import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator per test class (before any {@code @BeforeAll}) and stops it after the
 * class; injects it into {@code @BeforeAll}, test and lifecycle method parameters of its type.
 * A missing emulator disables the class (every test reported as skipped), unless
 * {@code CI=true}: then the class is left enabled and fails when the start-up finds nothing.
 *
 * <pre>
 * &#64;ExtendWith(SpannerEmulatorExtension.class)
 * class MyTest {
 *     &#64;BeforeAll static void setUp(SpannerEmulator emulator) { ... emulator.restUrl() ... }
 * }
 * </pre>
 */
abstract class EmulatorExtension<E extends AutoCloseable> implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EmulatorExtension.class);

    private final Class<E> type;

    EmulatorExtension(Class<E> type) {
        this.type = type;
    }

    /** Starts a new emulator; may abort/fail via the missing-emulator policy. */
    abstract E start() throws Exception;

    /** Why the emulator cannot start here (binaries absent), or empty. */
    abstract Optional<String> missingReason();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (CloudSdk.isCi(System.getenv())) {
            return ConditionEvaluationResult.enabled("CI=true: emulators are mandatory");
        }
        return missingReason()
                .map(r -> ConditionEvaluationResult.disabled("Emulator unavailable, skipping: " + r))
                .orElseGet(() -> ConditionEvaluationResult.enabled("emulator present"));
    }

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
