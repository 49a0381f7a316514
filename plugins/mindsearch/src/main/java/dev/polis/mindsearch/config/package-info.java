/** MindSearch's settings: protocols, limits, timeouts and parallelism. */
package dev.polis.mindsearch.config;
