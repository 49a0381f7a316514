package dev.polis.api.host;

import java.nio.file.Path;
import dev.polis.api.run.RunRecord;
import org.apiguardian.api.API;

/** Opens run folders in the host's format, so that every plugin's runs read alike and resume alike. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface RunFolders {

    /**
     * Returns the record of run {@code runId} in {@code output}/{@code runId}; nothing is written until it starts.
     *
     * @throws dev.polis.api.InvalidInputException when {@code runId} is not a plain folder name
     */
    RunRecord open(Path output, String runId);
}
