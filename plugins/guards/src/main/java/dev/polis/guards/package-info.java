/** Instruction-hierarchy guards: the guard providers this plugin contributes. */
package dev.polis.guards;
