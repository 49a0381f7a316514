package dev.polis.mindsearch.cli;

import dev.polis.api.host.ProgressDisplay;
import dev.polis.api.run.Progress;
import dev.polis.mindsearch.lucene.IndexMeta;
import dev.polis.mindsearch.lucene.LuceneIndexer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polis index}: cuts the documents of a folder into passages and indexes them for BM25 search. */
@Command(name = "index", description = {
    "Builds a search index (Apache Lucene, BM25) from the txt, md and html files under a folder: each document is"
        + " cut into passages with its title and id. 'polis mindsearch ask --index <dir>' searches it.",
    "Example: polis index docs/ --output docs-index"})
final class IndexCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the corpus folder")
    Path corpus;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "the index folder, created or replaced (default: <folder name>-index in the current folder)")
    Path output;

    @Option(names = "--passage-words", paramLabel = "N", defaultValue = "200",
            description = "the most words per passage (default: ${DEFAULT-VALUE})")
    int passageWords;

    @Spec
    CommandSpec spec;

    private final ProgressDisplay progress;

    IndexCommand(ProgressDisplay progress) {
        this.progress = progress;
    }

    @Override
    public Integer call() {
        Path target = output != null ? output
                : Path.of(corpus.toAbsolutePath().normalize().getFileName() + "-index");
        IndexMeta meta;
        try (Progress bar = progress.start("indexing " + corpus, LuceneIndexer.count(corpus))) {
            meta = LuceneIndexer.build(corpus, target, passageWords, n -> bar.advance(1));
        }
        spec.commandLine().getOut().println("indexed " + meta.documents() + " document(s), " + meta.passages()
                + " passage(s) into " + target);
        return 0;
    }
}
