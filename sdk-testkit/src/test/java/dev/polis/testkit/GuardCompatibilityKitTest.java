package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import dev.polis.api.chat.Message;
import dev.polis.api.chat.Privilege;
import dev.polis.api.guard.Boundary;
import dev.polis.api.guard.Decision;
import dev.polis.api.guard.Guard;
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

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Keyword extends GuardCompatibilityKit {
        @Override
        protected Guard createGuard() {
            return new Guard() {
                @Override
                public String id() {
                    return "guard.test-keyword";
                }

                @Override
                public GuardVerdict inspect(Message message, Boundary boundary, List<Message> context) {
                    String text = message.content().toLowerCase(Locale.ROOT);
                    boolean attack = text.contains("ignore all previous") || text.contains("override")
                            || text.contains("call the");
                    if (!attack || message.privilege() == Privilege.SYSTEM) {
                        return GuardVerdict.allow(message);
                    }
                    if (boundary == Boundary.TOOL_OUTPUT) {
                        return GuardVerdict.neutralise(message.withContent("[instructions removed]"),
                                "tool output tried to give instructions", 0.9);
                    }
                    return GuardVerdict.refuse(message, "the message tries to override higher instructions", 0.8);
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Paranoid extends GuardCompatibilityKit {
        @Override
        protected Guard createGuard() {
            return new Guard() {
                @Override
                public String id() {
                    return "guard.test-paranoid";
                }

                @Override
                public GuardVerdict inspect(Message message, Boundary boundary, List<Message> context) {
                    return new GuardVerdict(Decision.REFUSE, message, "", 1);
                }
            };
        }
    }
}
