package dev.polis.core.config;

/**
 * Records that an operator setting replaced a configured value.
 *
 * @param path     the configuration path it replaced, for example {@code runtime.device}
 * @param value    the value now in force
 * @param origin   where it came from: {@code POLIS_DEVICE} or {@code -Dpolis.device}
 * @param replaced the configured value it replaced, or {@code null} when none was configured
 */
public record AppliedOverride(String path, String value, String origin, String replaced) {
}
