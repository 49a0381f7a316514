/**
 * Compatibility kits for Polis extensions: abstract JUnit 5 test classes that an implementation's test extends,
 * in the manner of Micrometer's {@code MeterRegistryCompatibilityKit}.
 *
 * <p>A kit holds the tests of one extension point's contract; the subclass supplies the object under test through
 * the kit's abstract factory methods ({@code createProvider()}, {@code createModel()}, ...) and may override the
 * protected hooks that describe typical input. {@link dev.polis.testkit.TestSettings} builds settings from a map;
 * {@link dev.polis.testkit.plugin.PluginZip} builds real plugin zips for host tests.
 */
package dev.polis.testkit;
