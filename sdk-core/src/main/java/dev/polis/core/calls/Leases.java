package dev.polis.core.calls;

import dev.polis.api.PolisException;

/** Gives back a shared call log lent to a recording model. */
final class Leases {

    private Leases() {
    }

    /** Closes {@code lease}, turning a checked failure into a {@link PolisException}. */
    static void release(AutoCloseable lease) {
        try {
            lease.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PolisException("cannot release the call log: " + e.getMessage(), e);
        }
    }
}
