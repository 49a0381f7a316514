/**
 * Extension points and value types of Polis: what plugins implement and what the host hands them.
 *
 * <p>Every extension point extends {@link dev.polis.api.PolisExtension}, so it has a stable string id,
 * a rank and capabilities. Value types are records; parameters travel as records so that a contract can
 * grow without breaking the plugins written against it. This module depends on nothing heavier than
 * pf4j's {@code ExtensionPoint} marker.
 */
package dev.polis.api;
