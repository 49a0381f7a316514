package dev.polis.mindsearch.cli;

import dev.polis.api.cli.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code polis index}: builds the Lucene search index of a folder of txt, md and html files. */
@Extension
public final class IndexCommandProvider implements CommandProvider {

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
        return new IndexCommand();
    }
}
