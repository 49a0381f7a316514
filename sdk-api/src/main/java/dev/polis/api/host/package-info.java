/**
 * What the host lends its plugins: extension lookup with the host's choice and reason, the one road from a
 * model spec to a model, settings made like configuration blocks, run folders and progress display.
 *
 * <p>Each is an interface the host binds; a plugin asks for it by {@code @Inject} on its extension's
 * constructor. Plugins compile against sdk-api alone: these interfaces are everything of the host they see.
 */
package dev.polis.api.host;
