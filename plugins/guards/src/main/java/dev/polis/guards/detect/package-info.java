/** Injection detection without a large model: rules plus a logistic classifier over hashed n-grams. */
package dev.polis.guards.detect;
