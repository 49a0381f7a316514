package dev.polis.runtime.template;

import java.io.Serial;

/** Carries the message of a template's {@code raise_exception} call out of the template engine. */
final class TemplateRaisedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    TemplateRaisedException(String message) {
        super(message);
    }
}
