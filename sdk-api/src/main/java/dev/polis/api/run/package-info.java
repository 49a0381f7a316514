/** What a running pipeline hands its extensions: an event sink, progress reporting and the run folder. */
package dev.polis.api.run;
