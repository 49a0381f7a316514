package dev.polis.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.api.host.HostEnvironment;
import dev.polis.api.host.ProgressDisplay;
import dev.polis.core.config.OperatorOverrides;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host lends plugins the invocation's environment map, not the process's, through {@link HostEnvironment}. */
class HostEnvironmentBindingTest {

    @Test
    void aPluginSeesTheVariablesTheHostWasStartedWithAndNoOthers() {
        try (PluginHost host = PluginHost.start(HostOptions.classpathOnly(), new HostServicesModule(
                OperatorOverrides.of(Map.of()), Map.of("SLURM_ARRAY_TASK_ID", "3"), ProgressDisplay.silent()))) {
            HostEnvironment environment = host.injector().getInstance(HostEnvironment.class);

            assertThat(environment.variable("SLURM_ARRAY_TASK_ID")).contains("3");
            assertThat(environment.variable("PATH")).isEmpty();
        }
    }
}
