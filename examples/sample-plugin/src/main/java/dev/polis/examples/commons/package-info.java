/**
 * A sample third-party Polis plugin: a common-pool fishing game ({@code example.commons}) and two simple fishing
 * policies ({@code example.fixed}, {@code example.fair-share}). It uses only sdk-api and pf4j's {@code @Extension}.
 */
package dev.polis.examples.commons;
