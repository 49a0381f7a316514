/** The {@code govsim.*} environment extensions, for the generic {@code polis run} pipeline. */
package dev.polis.govsim.env;
