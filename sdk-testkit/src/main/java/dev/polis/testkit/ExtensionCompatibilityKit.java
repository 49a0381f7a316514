package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import dev.polis.api.PolisExtension;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

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
