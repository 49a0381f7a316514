package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CliLoggingTest {

    private String level;
    private String pf4j;

    @BeforeEach
    void clear() {
        level = System.clearProperty(CliLogging.LEVEL_PROPERTY);
        pf4j = System.clearProperty(CliLogging.PF4J_LEVEL_PROPERTY);
    }

    @AfterEach
    void restore() {
        restore(CliLogging.LEVEL_PROPERTY, level);
        restore(CliLogging.PF4J_LEVEL_PROPERTY, pf4j);
    }

    @Test
    void quietByDefaultWithPf4jSilencedBecauseTheHostReportsItsFailures() {
        CliLogging.configure(false);
        assertThat(System.getProperty(CliLogging.LEVEL_PROPERTY)).isEqualTo("warn");
        assertThat(System.getProperty(CliLogging.PF4J_LEVEL_PROPERTY)).isEqualTo("off");
    }

    @Test
    void verboseShowsEverythingIncludingPf4j() {
        CliLogging.configure(true);
        assertThat(System.getProperty(CliLogging.LEVEL_PROPERTY)).isEqualTo("debug");
        assertThat(System.getProperty(CliLogging.PF4J_LEVEL_PROPERTY)).isNull();
    }

    @Test
    void aLevelTheUserChoseIsKept() {
        System.setProperty(CliLogging.PF4J_LEVEL_PROPERTY, "info");
        CliLogging.configure(false);
        assertThat(System.getProperty(CliLogging.PF4J_LEVEL_PROPERTY)).isEqualTo("info");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
