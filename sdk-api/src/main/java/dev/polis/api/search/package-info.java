/** Search backends: queries to ranked hits, and hits to page text. */
package dev.polis.api.search;
