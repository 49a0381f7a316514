package dev.polis.mindsearch.cli;

import com.google.inject.Inject;
import dev.polis.api.cli.CommandProvider;
import dev.polis.api.host.ProgressDisplay;
import org.pf4j.Extension;

/** Contributes {@code polis index}: builds the Lucene search index of a folder of txt, md and html files. */
@Extension
public final class IndexCommandProvider implements CommandProvider {

    private final ProgressDisplay progress;

    /** Creates the provider with the host's progress display (injected by the host). */
    @Inject
    public IndexCommandProvider(ProgressDisplay progress) {
        this.progress = progress;
    }

    @Override
    public String id() {
        return "index";
    }

    @Override
    public String description() {
        return "polis index <folder>: builds a BM25 passage index of txt/md/html files for 'polis mindsearch'";
    }

    @Override
    public Object newCommand() {
        return new IndexCommand(progress);
    }
}
