/** Privilege-aware prompt assembly: datamarking (spotlighting) of lower-privilege text, reserved-token neutralising. */
package dev.polis.guards.prompt;
