/** Where search results, pages and searcher answers enter prompts: as TOOL-privilege messages, through the guards. */
package dev.polis.mindsearch.gate;
