package dev.polis.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;


import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs a compatibility kit fixture in a nested JUnit engine and reports which of its tests failed.
 *
 * <p>Fixtures carry {@code @ExtendWith(KitRunner.OnlyHere.class)}, so they run only inside this runner, never on
 * their own from an IDE or Surefire.
 */
final class KitRunner {

    private static final String MARKER = "polis.testkit.self-test";

    private KitRunner() {
    }

    /** Runs {@code fixture} and returns the names of its failed test methods with their failure messages. */
    static Map<String, String> failures(Class<?> fixture) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(MARKER, "true")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
        assertSomethingRan(fixture, tests);
        return tests.failed().stream().collect(Collectors.toMap(KitRunner::methodName, KitRunner::message, (a, b) -> a));
    }

    private static void assertSomethingRan(Class<?> fixture, Events tests) {
        if (tests.started().count() == 0) {
            throw new AssertionError("no test of " + fixture.getName() + " ran");
        }
    }

    private static String methodName(Event event) {
        String name = event.getTestDescriptor().getDisplayName();
        return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
    }

    private static String message(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    /** Lets a fixture run only inside {@link KitRunner}. */
    static final class OnlyHere implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(MARKER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by KitRunner")
                    : ConditionEvaluationResult.disabled("a compatibility-kit fixture, run only by KitRunner");
        }
    }

}
