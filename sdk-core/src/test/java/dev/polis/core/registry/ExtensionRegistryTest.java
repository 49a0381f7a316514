package dev.polis.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import dev.polis.api.InvalidInputException;
import dev.polis.api.guard.Guard;
import dev.polis.api.search.SearchBackend;
import dev.polis.core.plugin.ExtensionFailureException;
import dev.polis.core.plugin.HostOptions;
import dev.polis.core.plugin.PluginHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {

    private static PluginHost host;
    private static ExtensionRegistry registry;

    @BeforeAll
    static void startHost() {
        host = PluginHost.start(HostOptions.classpathOnly());
        registry = new ExtensionRegistry(host);
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @Test
    void findsClassPathExtensionsByTypeAndId() {
        assertThat(registry.ids(SearchBackend.class)).contains("test.lucene", "test.searxng");
        assertThat(registry.get(SearchBackend.class, "test.lucene").search(List.of("q"), 1)).hasSize(1);
        assertThat(registry.all(SearchBackend.class)).allMatch(e -> e.pluginId().equals(LoadedExtension.CLASSPATH));
    }

    @Test
    void picksTheHighestRankWhenNoIdIsNamedAndSaysWhy() {
        Selection<SearchBackend> selection = registry.explain(SearchBackend.class, null);
        assertThat(selection.chosen().id()).isEqualTo("test.lucene");
        assertThat(selection.reason()).contains("highest rank (10)").contains("test.searxng=0");
    }

    @Test
    void unknownIdListsKnownIdsAndSuggestsTheClosest() {
        assertThatThrownBy(() -> registry.get(SearchBackend.class, "test.lucen"))
                .isInstanceOf(UnknownExtensionException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown SearchBackend 'test.lucen'")
                .hasMessageContaining("did you mean 'test.lucene'?")
                .hasMessageContaining("known: ")
                .hasMessageContaining("test.searxng");
    }

    @Test
    void noSuggestionForSomethingUnrelated() {
        assertThatThrownBy(() -> registry.get(SearchBackend.class, "elasticsearch-cluster-7"))
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void selectingATypeWithNothingInstalledSaysSo() {
        assertThatThrownBy(() -> registry.select(Guard.class, null))
                .isInstanceOf(UnknownExtensionException.class)
                .hasMessageContaining("no Guard is installed");
    }

    @Test
    void aFailingExtensionCallNamesItsPluginAndMethod() {
        SearchBackend broken = registry.get(SearchBackend.class, "test.searxng");
        assertThatThrownBy(() -> broken.search(List.of("q"), 3))
                .isInstanceOf(ExtensionFailureException.class)
                .hasMessageContaining("plugin 'classpath'")
                .hasMessageContaining("SearchBackend 'test.searxng'")
                .hasMessageContaining("search()")
                .hasMessageContaining("connection refused");
        assertThat(registry.get(SearchBackend.class, "test.lucene").search(List.of("q"), 1)).hasSize(1);
    }

    @Test
    void extensionsAreCreatedOnce() {
        assertThat(registry.get(SearchBackend.class, "test.lucene"))
                .isSameAs(registry.get(SearchBackend.class, "test.lucene"));
    }
}
