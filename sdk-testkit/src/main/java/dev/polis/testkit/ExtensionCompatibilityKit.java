package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/**
 * Checks what every Polis extension promises the host: a stable, well-formed id, capabilities and a description.
 *
 * <p>The kits of the individual extension points extend this one, so their subclasses get these tests too. Ids are
 * lower case, made of letters and digits separated by single dots or dashes, and namespaced by default
 * ({@code govsim.fishery}); extensions named by a single word ({@code openai} model providers, {@code govsim}
 * commands) override {@link #idMustBeNamespaced()}.
 *
 * <p>Test methods are public so that a subclass may override one, for example to disable it with a reason.
 *
 * @param <T> the extension type under test
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ExtensionCompatibilityKit<T extends PolisExtension> {

    private static final Pattern NAMESPACED_ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
    private static final Pattern SIMPLE_ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

    /** Returns a new instance of the extension under test; called once per test, or more when a test compares two. */
    protected abstract T createExtension();

    /** Returns whether the id must contain a namespace ({@code area.name}); {@code true} unless overridden. */
    protected boolean idMustBeNamespaced() {
        return true;
    }

    /**
     * Returns whether the class under test must carry {@code @org.pf4j.Extension}; {@code true} unless overridden (a
     * test double that is never loaded from a plugin may say no).
     */
    protected boolean requiresExtensionAnnotation() {
        return true;
    }

    @Test
    public void classIsAnnotatedAsAnExtension() {
        Assumptions.assumeTrue(requiresExtensionAnnotation(), "this kit's subclass says its class is never loaded from a plugin");
        Class<?> type = createExtension().getClass();
        while (type.isAnonymousClass() && type.getSuperclass() != Object.class) {
            type = type.getSuperclass(); // a test's anonymous variant of a named extension
        }
        Assumptions.assumeFalse(type.isAnonymousClass() || type.isSynthetic() || type.isHidden(),
                "an anonymous or lambda implementation is a test double; pf4j can never load it");
        assertThat(type.isAnnotationPresent(Extension.class))
                .as("%s carries @org.pf4j.Extension; without it pf4j does not list the class in "
                        + "META-INF/extensions.idx and Polis never finds it", type.getName())
                .isTrue();
    }

    @Test
    public void idIsNotBlank() {
        String id = createExtension().id();
        assertThat(id).as("id()").isNotNull().isNotBlank();
    }

    @Test
    public void idIsLowerCaseWithDotsOrDashes() {
        String id = createExtension().id();
        Pattern pattern = idMustBeNamespaced() ? NAMESPACED_ID : SIMPLE_ID;
        assertThat(id)
                .as("id() must be lower case letters and digits joined by '.' or '-'%s, like govsim.fishery",
                        idMustBeNamespaced() ? " with a namespace" : "")
                .matches(pattern);
    }

    @Test
    public void idIsStableAcrossCallsAndInstances() {
        T first = createExtension();
        T second = createExtension();
        assertThat(first.id()).as("id() called twice").isEqualTo(first.id());
        assertThat(second.id()).as("id() of two instances").isEqualTo(first.id());
    }

    @Test
    public void capabilitiesAreNotNullAndHoldNoBlankTag() {
        var capabilities = createExtension().capabilities();
        assertThat(capabilities).as("capabilities()").isNotNull();
        assertThat(capabilities).as("capability tags").allSatisfy(tag -> assertThat(tag).isNotBlank());
    }

    @Test
    public void descriptionIsNotNull() {
        assertThat(createExtension().description()).as("description()").isNotNull();
    }
}
