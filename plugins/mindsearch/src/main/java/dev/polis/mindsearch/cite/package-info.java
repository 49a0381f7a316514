/** Citations: {@code [[n]]} markers, one global number per source across nodes, and the final answer's references. */
package dev.polis.mindsearch.cite;
