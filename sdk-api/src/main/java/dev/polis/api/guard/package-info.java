/** Guards: checks of messages at trust boundaries, enforcing the instruction hierarchy. */
package dev.polis.api.guard;
