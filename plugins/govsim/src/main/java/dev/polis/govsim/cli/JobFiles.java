package dev.polis.govsim.cli;

import java.util.List;
import java.util.Locale;

/**
 * Writes the job files of {@code polis govsim --emit}: an sbatch array script (each task plays the shard
 * {@code SLURM_ARRAY_TASK_ID} of {@code SLURM_ARRAY_TASK_COUNT}) and a Kubernetes Indexed Job (each pod plays
 * {@code JOB_COMPLETION_INDEX} of {@code POLIS_SHARD_COUNT}); both run the same sweep command into one output
 * folder, resume when a task is restarted, and are followed by {@code polis govsim merge <folder>}.
 */
final class JobFiles {

    /** The variable the job exports the model server's base URL in. */
    static final String ENDPOINT_VARIABLE = "POLIS_MODEL_ENDPOINT";
    private static final String ENDPOINT_REF = "${" + ENDPOINT_VARIABLE + "}";

    private JobFiles() {
    }

    /**
     * Returns the sbatch script for the sweep {@code args} (the arguments after {@code govsim}) of {@code runs} runs
     * in {@code shards} array tasks.
     */
    static String slurm(List<String> args, int runs, int shards, String output, String image, String endpoint) {
        String cpus = value(args, "-j", "--parallel");
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# GovSim sweep as a SLURM array job: ").append(runs).append(" runs in ").append(shards)
                .append(" shards (made by polis govsim --emit slurm).\n");
        s.append("# Submit from a folder every node sees:  sbatch ").append("govsim.sbatch\n");
        s.append("# When every task has ended:           polis govsim merge ").append(output).append('\n');
        s.append("# Tasks stopped or failed: submit this script again; each task skips its finished runs.\n");
        s.append("#SBATCH --job-name=polis-govsim\n");
        s.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus == null ? "1" : cpus).append('\n');
        s.append("#SBATCH --output=polis-govsim-%A_%a.out\n");
        s.append("set -euo pipefail\n");
        if (endpoint != null) {
            s.append("export ").append(ENDPOINT_VARIABLE).append("=${").append(ENDPOINT_VARIABLE).append(":-")
                    .append(shell(endpoint)).append("}\n");
        }
        String launcher = image == null ? "polis" : "apptainer exec docker://" + image + " polis";
        s.append("# The launcher; set POLIS in the environment of sbatch to use another.\n");
        s.append("POLIS=${POLIS:-").append(shell(launcher)).append("}\n");
        s.append("# polis reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT itself.\n");
        s.append("exec $POLIS govsim");
        for (String arg : args) {
            s.append(' ').append(shell(arg));
        }
        if (cpus == null) {
            s.append(" -j \"${SLURM_CPUS_PER_TASK:-1}\"");
        }
        return s.append('\n').toString();
    }

    /**
     * Returns the Indexed Job manifest for the sweep {@code args} of {@code runs} runs in {@code shards} pods; the
     * output folder lives on the volume claim {@code polis-sweeps}, mounted at {@code /data}.
     */
    static String k8s(List<String> args, int runs, int shards, String output, String image, String endpoint) {
        StringBuilder s = new StringBuilder();
        s.append("# GovSim sweep as a Kubernetes Indexed Job: ").append(runs).append(" runs in ").append(shards)
                .append(" pods (made by polis govsim --emit k8s).\n");
        s.append("# kubectl apply -f govsim-job.yaml; when it is complete, on the volume:"
                + " polis govsim merge /data/").append(output).append('\n');
        s.append("# A pod that fails is started again (backoffLimit) and resumes its shard's runs.\n");
        s.append("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: polis-govsim\nspec:\n");
        s.append("  completionMode: Indexed\n");
        s.append("  completions: ").append(shards).append('\n');
        s.append("  parallelism: ").append(shards).append('\n');
        s.append("  backoffLimit: ").append(3 * shards).append('\n');
        s.append("  template:\n    spec:\n      restartPolicy: Never\n      containers:\n");
        s.append("        - name: govsim\n");
        s.append("          image: ").append(json(image == null ? "polis:latest" : image)).append('\n');
        s.append("          workingDir: /data\n");
        s.append("          env:\n");
        s.append("            - name: ").append(ShardChoice.COUNT_VARIABLE).append('\n');
        s.append("              value: \"").append(shards).append("\"\n");
        if (endpoint != null) {
            s.append("            - name: ").append(ENDPOINT_VARIABLE).append('\n');
            s.append("              value: ").append(json(endpoint)).append('\n');
        }
        s.append("          command: [\"polis\"]\n");
        s.append("          args: [\"govsim\"");
        for (String arg : args) {
            s.append(", ").append(json(arg.replace("$(", "$$(").replace(ENDPOINT_REF, "$(" + ENDPOINT_VARIABLE + ")")));
        }
        s.append("]\n");
        s.append("          volumeMounts:\n            - name: sweeps\n              mountPath: /data\n");
        s.append("      volumes:\n        - name: sweeps\n          persistentVolumeClaim:\n"
                + "            claimName: polis-sweeps\n");
        return s.toString();
    }

    /** Returns the value of option {@code shortName}/{@code longName} in {@code args}, or {@code null}. */
    static String value(List<String> args, String shortName, String longName) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals(shortName) || arg.equals(longName)) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (arg.startsWith(longName + "=")) {
                return arg.substring(longName.length() + 1);
            }
        }
        return null;
    }

    /** Quotes {@code text} for bash; {@code ${POLIS_MODEL_ENDPOINT}} inside it stays expanded. */
    static String shell(String text) {
        StringBuilder quoted = new StringBuilder();
        String[] parts = text.split(java.util.regex.Pattern.quote(ENDPOINT_REF), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                quoted.append('"').append(ENDPOINT_REF).append('"');
            }
            if (!parts[i].isEmpty() || parts.length == 1) {
                quoted.append(parts[i].matches("[A-Za-z0-9_./:=@%+,-]+") ? parts[i]
                        : "'" + parts[i].replace("'", "'\\''") + "'");
            }
        }
        return quoted.toString();
    }

    /** Returns {@code text} as a JSON string, which YAML reads as the same string. */
    static String json(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
