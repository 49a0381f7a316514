#!/usr/bin/env bash
# Stops the one-node SLURM cluster .ci/slurm/start.sh started (its slurmd and slurmctld, by their pid files);
# munged is left running (other users of munge may need it).
set -u
dir=${POLIS_SLURM_DIR:-/tmp/polis-slurm}
for daemon in slurmd slurmctld; do
  if [ -f "$dir/$daemon.pid" ]; then
    kill "$(cat "$dir/$daemon.pid")" 2>/dev/null || true
  fi
done
