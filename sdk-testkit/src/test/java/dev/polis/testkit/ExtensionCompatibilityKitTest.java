package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import dev.polis.api.PolisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class ExtensionCompatibilityKitTest {

    @Test
    void aWellFormedExtensionPasses() {
        assertThat(KitRunner.failures(WellFormed.class)).isEmpty();
    }

    @Test
    void badIdsAndNullCapabilitiesFail() {
        assertThat(KitRunner.failures(BadlyNamed.class)).containsOnlyKeys(
                "idIsLowerCaseWithDotsOrDashes", "idIsStableAcrossCallsAndInstances",
                "capabilitiesAreNotNullAndHoldNoBlankTag", "descriptionIsNotNull");
    }

    @Test
    void singleWordIdsPassOnlyWhenNoNamespaceIsRequired() {
        assertThat(KitRunner.failures(SingleWord.class)).isEmpty();
        assertThat(KitRunner.failures(SingleWordNamespaced.class)).containsOnlyKeys("idIsLowerCaseWithDotsOrDashes");
    }

    @Test
    void aNamedClassWithoutTheExtensionAnnotationFailsWithASentence() {
        assertThat(KitRunner.failures(Annotated.class)).isEmpty();
        assertThat(KitRunner.failures(NotAnnotated.class)).containsOnlyKeys("classIsAnnotatedAsAnExtension");
        assertThat(KitRunner.failures(NotAnnotated.class).get("classIsAnnotatedAsAnExtension"))
                .contains("Forgotten carries @org.pf4j.Extension", "Polis never finds it");
    }

    @org.pf4j.Extension
    static final class Remembered implements PolisExtension {
        @Override
        public String id() {
            return "example.remembered";
        }
    }

    static final class Forgotten implements PolisExtension {
        @Override
        public String id() {
            return "example.forgotten";
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Annotated extends ExtensionCompatibilityKit<PolisExtension> {
        @Override
        protected PolisExtension createExtension() {
            return new Remembered();
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class NotAnnotated extends ExtensionCompatibilityKit<PolisExtension> {
        @Override
        protected PolisExtension createExtension() {
            return new Forgotten();
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class WellFormed extends ExtensionCompatibilityKit<PolisExtension> {
        @Override
        protected PolisExtension createExtension() {
            return () -> "govsim.fishery-v2";
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class BadlyNamed extends ExtensionCompatibilityKit<PolisExtension> {
        private static int created;

        @Override
        protected PolisExtension createExtension() {
            int serial = created++;
            return new PolisExtension() {
                @Override
                public String id() {
                    return "Fishery_" + serial;
                }

                @Override
                public Set<String> capabilities() {
                    return null;
                }

                @Override
                public String description() {
                    return null;
                }
            };
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class SingleWord extends ExtensionCompatibilityKit<PolisExtension> {
        @Override
        protected PolisExtension createExtension() {
            return () -> "openai";
        }

        @Override
        protected boolean idMustBeNamespaced() {
            return false;
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class SingleWordNamespaced extends ExtensionCompatibilityKit<PolisExtension> {
        @Override
        protected PolisExtension createExtension() {
            return () -> "openai";
        }
    }
}
