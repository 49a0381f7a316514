package dev.polis.api.guard;

import org.apiguardian.api.API;

/** Says at which trust boundary a message is being inspected. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Boundary {
    /** A message entering a prompt from a user or the application. */
    INPUT,
    /** Tool output, search results or a web page entering a prompt. */
    TOOL_OUTPUT,
    /** Another agent's words entering a prompt. */
    AGENT_MESSAGE,
    /** A model's answer leaving the model. */
    MODEL_OUTPUT
}
