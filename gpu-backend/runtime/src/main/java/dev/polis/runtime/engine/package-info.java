/**
 * DJL's PyTorch engine inside a plugin: offline start-up, the context class loader, device choice and doctor checks.
 */
package dev.polis.runtime.engine;
