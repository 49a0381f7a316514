package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import dev.polis.api.Settings;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
import dev.polis.api.guard.GuardContext;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.guard.GuardVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class GuardCompatibilityKitTest {

    @Test
    void aKeywordGuardThatExplainsItselfPasses() {
        assertThat(KitRunner.failures(Keyword.class)).isEmpty();
    }

    @Test
    void aGuardThatRefusesEverythingSilentlyFails() {
        assertThat(KitRunner.failures(Paranoid.class)).containsOnlyKeys(
                "benignSystemMessagesAreAllowed", "neutralisedOrRefusedVerdictsCarryAReason");
    }

    /** Neutralises or refuses low-privilege messages holding one of its configured {@code words}. */
    @org.pf4j.Extension
    static final class KeywordGuardProvider implements GuardProvider {
        @Override
        public String id() {
            return "guard.test-keyword";
        }

        @Override
        public Guard create(GuardContext context) {
            var words = context.settings().strings("words");
            return request -> {
                Message message = request.message();
                String text = message.content().toLowerCase(Locale.ROOT);
                boolean attack = words.stream().anyMatch(text::contains);
                if (!attack || message.privilege() == Privilege.SYSTEM) {
                    return GuardVerdict.allow(message);
                }
                if (request.boundary() == Boundary.TOOL_OUTPUT) {
                    return GuardVerdict.neutralise(message.withContent("[instructions removed]"),
                            "tool output tried to give instructions", 0.9);
                }
                return GuardVerdict.refuse(message, "the message tries to override higher instructions", 0.8);
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Keyword extends GuardCompatibilityKit {
        @Override
        protected GuardProvider createProvider() {
            return new KeywordGuardProvider();
        }

        @Override
        protected Settings settings() {
            return TestSettings.of("words", List.of("ignore all previous", "override", "call the"));
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Paranoid extends GuardCompatibilityKit {
        @Override
        protected GuardProvider createProvider() {
            return new GuardProvider() {
                @Override
                public String id() {
                    return "guard.test-paranoid";
                }

                @Override
                public Guard create(GuardContext context) {
                    return request -> new GuardVerdict(Decision.REFUSE, request.message(), "", 1);
                }
            };
        }
    }
}
