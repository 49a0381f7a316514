package dev.polis.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.guard.GuardProvider;
import dev.polis.api.host.ExtensionChoice;
import dev.polis.api.host.LoadedExtension;
import dev.polis.api.host.UnknownExtensionException;
import dev.polis.api.run.RunContext;
import dev.polis.api.search.SearchBackend;
import dev.polis.api.search.SearchBackendContext;
import dev.polis.api.search.SearchBackendProvider;
import dev.polis.api.search.SearchRequest;
import dev.polis.core.plugin.ExtensionFailureException;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {

    private static final SearchBackendContext CONTEXT = new SearchBackendContext(Settings.empty(), RunContext.detached(0));

    private static PluginHost host;
    private static ExtensionRegistry registry;

    @BeforeAll
    static void startHost() {
        host = PluginHost.start(HostOptions.classpathOnly());
        registry = new ExtensionRegistry(host::extensions);
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @Test
    void findsClassPathExtensionsByTypeAndId() {
        assertThat(registry.ids(SearchBackendProvider.class)).contains("test.lucene", "test.searxng");
        assertThat(registry.get(SearchBackendProvider.class, "test.lucene").open(CONTEXT).search(SearchRequest.of("q", 1))).hasSize(1);
        assertThat(registry.all(SearchBackendProvider.class)).allMatch(e -> e.pluginId().equals(LoadedExtension.CLASSPATH));
    }

    @Test
    void picksTheHighestRankWhenNoIdIsNamedAndSaysWhy() {
        ExtensionChoice<SearchBackendProvider> selection = registry.choose(SearchBackendProvider.class, null);
        assertThat(selection.chosen().id()).isEqualTo("test.lucene");
        assertThat(selection.reason()).contains("highest rank (10)").contains("test.searxng=0");
    }

    @Test
    void unknownIdListsKnownIdsAndSuggestsTheClosest() {
        assertThatThrownBy(() -> registry.get(SearchBackendProvider.class, "test.lucen"))
                .isInstanceOf(UnknownExtensionException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown SearchBackendProvider 'test.lucen'")
                .hasMessageContaining("did you mean 'test.lucene'?")
                .hasMessageContaining("known: ")
                .hasMessageContaining("test.searxng");
    }

    @Test
    void noSuggestionForSomethingUnrelated() {
        assertThatThrownBy(() -> registry.get(SearchBackendProvider.class, "elasticsearch-cluster-7"))
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void selectingATypeWithNothingInstalledSaysSo() {
        assertThatThrownBy(() -> registry.select(GuardProvider.class, null))
                .isInstanceOf(UnknownExtensionException.class)
                .hasMessageContaining("no GuardProvider is installed");
    }

    @Test
    void aFailingExtensionCallNamesItsPluginAndMethod() {
        SearchBackend broken = registry.get(SearchBackendProvider.class, "test.searxng").open(CONTEXT);
        assertThatThrownBy(() -> broken.search(SearchRequest.of("q", 3)))
                .isInstanceOf(ExtensionFailureException.class)
                .hasMessageContaining("plugin 'classpath'")
                .hasMessageContaining("SearchBackendProvider 'test.searxng'")
                .hasMessageContaining("search()")
                .hasMessageContaining("connection refused");
        assertThat(registry.get(SearchBackendProvider.class, "test.lucene").open(CONTEXT).search(SearchRequest.of("q", 1))).hasSize(1);
    }

    @Test
    void extensionsAreCreatedOnce() {
        assertThat(registry.get(SearchBackendProvider.class, "test.lucene"))
                .isSameAs(registry.get(SearchBackendProvider.class, "test.lucene"));
    }
}
