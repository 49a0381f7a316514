package dev.polis.core.plugin;

import com.google.inject.Module;
import org.pf4j.ExtensionPoint;

/**
 * Contributes Guice bindings to its plugin's child injector.
 *
 * <p>Annotate an implementation with {@code @Extension}; the host installs it into the injector that
 * creates the plugin's extensions. The child injector requires explicit bindings, so everything a plugin's
 * extensions inject beyond the host's own bindings must be bound here.
 */
public interface PluginModule extends ExtensionPoint, Module {
}
