/** Text normalisation before scanning: Unicode folding, invisible characters, homoglyphs, decoded payloads. */
package dev.polis.guards.text;
