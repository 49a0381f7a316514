/** Generates new projects from templates: {@code polis plugin new} writes a plugin project that builds as it is. */
package dev.polis.core.scaffold;
