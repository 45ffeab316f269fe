# Shared by scripts/deps, scripts/test and scripts/demo (sourced, not run): paths, messages and timed stages.
#
# A script defines one function per stage, `stage_<name>`, lists the names in order in the array `stages`, and
# calls `run_stages "$@"`. Each stage prints "stage <name>: <seconds> s" when it ends; the first failing stage
# stops the script with its exit status. Arguments, if any, pick stages by name: `scripts/test build test`.

binaan_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binaan_scripts="$binaan_root/scripts"
# Parallel jobs for builds and tests: CI machines have 2 cores; BINAAN_JOBS overrides.
binaan_jobs=${BINAAN_JOBS:-2}
export DEBIAN_FRONTEND=noninteractive

say() { printf '%s\n' "$*"; }
warn() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { warn "$@"; exit 1; }

# Milliseconds since the epoch.
binaan_now_ms() { date +%s%3N; }
# "12.3" from a count of milliseconds.
binaan_seconds() { printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100)); }

# run_stage NAME: runs stage_NAME and prints its wall time. The stage runs under the caller's `set -e` (not in an
# `if` or `||`, which would switch -e off inside it), so any failing command ends the script; the EXIT trap then
# names the stage that failed and how long it ran.
binaan_stage_times=()
binaan_current_stage=""
binaan_stage_start=0
binaan_on_exit() {
  local status=$?
  if ((status != 0)) && [[ -n $binaan_current_stage ]]; then
    say "stage $binaan_current_stage: $(binaan_seconds $(($(binaan_now_ms) - binaan_stage_start))) s" \
      "(FAILED, exit status $status)"
  fi
}
trap binaan_on_exit EXIT
run_stage() {
  local name=$1
  declare -F "stage_$name" >/dev/null || die "no stage named '$name' (stages: ${stages[*]})"
  say "==> stage $name"
  binaan_current_stage=$name
  binaan_stage_start=$(binaan_now_ms)
  "stage_$name"
  local elapsed
  elapsed=$(binaan_seconds $(($(binaan_now_ms) - binaan_stage_start)))
  binaan_current_stage=""
  say "stage $name: $elapsed s"
  binaan_stage_times+=("$name $elapsed s")
}

# run_stages [NAME...]: the named stages, or all of `stages` in order; then a summary with the total.
run_stages() {
  local start name
  start=$(binaan_now_ms)
  local -a chosen=("$@")
  ((${#chosen[@]})) || chosen=("${stages[@]}")
  for name in "${chosen[@]}"; do
    run_stage "$name"
  done
  say "==> done: ${binaan_stage_times[*]/%/;} total $(binaan_seconds $(($(binaan_now_ms) - start))) s"
}
