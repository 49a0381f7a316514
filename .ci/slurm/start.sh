#!/usr/bin/env bash
# Starts a one-node SLURM cluster on this machine for SlurmArraySweepTest: Debian's slurm-wlm and munge,
# installed with apt-get when missing (root only), a slurm.conf for localhost without cgroups
# (proctrack/linuxproc, task/none) and its state under $POLIS_SLURM_DIR (default /tmp/polis-slurm), then munged,
# slurmctld and slurmd. Idempotent: a cluster already answering is left as it is. On success prints the line
# SLURM_CONF=<file> (the configuration sbatch, squeue and sinfo must be given) and exits 0; otherwise prints why
# and exits 1. Stop it with .ci/slurm/stop.sh.
set -euo pipefail

dir=${POLIS_SLURM_DIR:-/tmp/polis-slurm}
conf="$dir/slurm.conf"
host=$(hostname -s)
# Four CPUs whatever the machine has (config_overrides), so that a 4-task array runs at once on a small machine.
cpus=${POLIS_SLURM_CPUS:-4}

fail() { echo "slurm: $*" >&2; exit 1; }

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
    || ! command -v munged >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "slurm-wlm and munge are not installed and this user cannot install them (not root)"
  command -v apt-get >/dev/null || fail "slurm-wlm and munge are not installed and there is no apt-get here"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q slurm-wlm munge >"$dir.apt.log" 2>&1; then
    apt-get update -q >>"$dir.apt.log" 2>&1 || true
    apt-get install -y -q slurm-wlm munge >>"$dir.apt.log" 2>&1 \
      || fail "apt-get install slurm-wlm munge failed (see $dir.apt.log)"
  fi
fi

mkdir -p "$dir/ctld" "$dir/d"
cat >"$conf" <<CONF
ClusterName=polis
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=polis Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"

# munge: the key comes with the package; the daemon runs as the munge user where there is one.
if ! munge -n </dev/null >/dev/null 2>&1; then
  [ -f /etc/munge/munge.key ] || { command -v mungekey >/dev/null && mungekey --create >/dev/null 2>&1; } \
    || fail "no /etc/munge/munge.key and mungekey could not make one"
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  if id munge >/dev/null 2>&1; then
    chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge /etc/munge/munge.key 2>/dev/null || true
    runuser -u munge -- /usr/sbin/munged || /usr/sbin/munged --force || fail "munged did not start"
  else
    /usr/sbin/munged --force || fail "munged did not start"
  fi
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n </dev/null >/dev/null 2>&1 || fail "munged started but does not answer"
fi

if ! scontrol ping 2>/dev/null | grep -q "is UP"; then
  slurmctld -f "$conf" || fail "slurmctld did not start (see $dir/slurmctld.log)"
fi
if ! [ -f "$dir/slurmd.pid" ] || ! kill -0 "$(cat "$dir/slurmd.pid")" 2>/dev/null; then
  slurmd -f "$conf" || fail "slurmd did not start (see $dir/slurmd.log)"
fi
for _ in $(seq 100); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1 || true)
  case "$state" in idle|mix|alloc) echo "SLURM_CONF=$conf"; exit 0 ;; esac
  sleep 0.2
done
fail "the node did not come up (sinfo says '${state:-nothing}'; see $dir/slurmctld.log and $dir/slurmd.log)"
