package dev.polis.api.guard;

import org.apiguardian.api.API;

/** What a guard decided about a message. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Decision {
    /** Let the message through unchanged. */
    ALLOW,
    /** Let through a rewritten message whose instructions can no longer take effect. */
    NEUTRALISE,
    /** Keep the message out. */
    REFUSE
}
