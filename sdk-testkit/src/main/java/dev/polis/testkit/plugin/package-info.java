/**
 * Builds real pf4j plugin zips for tests: Java sources compiled in process with pf4j's annotation processor,
 * packed with a descriptor, library jars, or deliberately broken.
 */
package dev.polis.testkit.plugin;
