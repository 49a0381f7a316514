package dev.polis.core.plugin;

import com.google.inject.Module;
import org.pf4j.ExtensionPoint;

/**
 * Contributes Guice bindings to its plugin's child injector; a convenience for code on the host's class path.
 *
 * <p>Plugins need not see this type: any {@code @Extension} class that is a Guice {@link Module} and a pf4j
 * {@link ExtensionPoint} ({@code class MyBindings extends AbstractModule implements ExtensionPoint}) is
 * installed into the injector that creates the plugin's extensions. The child injector requires explicit
 * bindings, so everything a plugin's extensions inject beyond the host's own bindings must be bound there.
 */
public interface PluginModule extends ExtensionPoint, Module {
}
