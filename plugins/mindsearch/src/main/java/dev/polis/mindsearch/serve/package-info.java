/**
 * {@code POST /solve}: answers a question over HTTP, streaming server-sent events in the original MindSearch's
 * envelope (so its React frontend works unchanged) plus explicit {@code final}, {@code error} and {@code done} events.
 */
package dev.polis.mindsearch.serve;
