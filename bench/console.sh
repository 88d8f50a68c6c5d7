#!/usr/bin/env bash
# Console benchmarks in a real terminal (tmux, 120x40): time to the first full frame vs a bare `java -version`;
# lines/second one pane ingests from a local command printing N lines (default 2,000,000) while keys keep
# answering; peak RSS of the console JVM. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES_N="${1:-2000000}"
RUNS="${RUNS:-5}"
mvn -q -B -Dstyle.color=never -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:$(cat target/bench.classpath)"
WORK="$(mktemp -d)"
S="fd-bench-$$"
trap 'tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$WORK" 2>/dev/null || true' EXIT
cat > "$WORK/fleet.json" <<'JSON'
{ "hosts": { "local1": { "address": "localhost", "transport": "local", "tags": ["here"] } } }
JSON
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
screen() { tmux capture-pane -p -t "$S"; }
# wait_for TEXT TIMEOUT_S: polls the screen every ~5 ms; prints the time it appeared (ns)
wait_for() {
  local deadline=$(( $(now) + $2 * 1000000000 ))
  while ! screen | grep -qF -- "$1"; do
    if (( $(now) > deadline )); then echo "timed out waiting for: $1" >&2; screen >&2; exit 1; fi
    sleep 0.005
  done
  now
}
wait_gone() {
  local deadline=$(( $(now) + $2 * 1000000000 ))
  while screen | grep -qF -- "$1"; do
    if (( $(now) > deadline )); then echo "timed out waiting for \"$1\" to go" >&2; exit 1; fi
    sleep 0.005
  done
}
tmux new-session -d -s "$S" -x 120 -y 40 "env -i PATH=$PATH HOME=$WORK TERM=tmux-256color bash --norc --noprofile"
tmux set-option -t "$S" status off >/dev/null

echo "== startup (median of $RUNS) =="
jv=(); ff=()
for i in $(seq "$RUNS"); do
  t0=$(now); java -version >/dev/null 2>&1; jv+=("$(ms "$t0" "$(now)")")
  tmux send-keys -t "$S" "clear; date +%s%N > $WORK/t0; java -cp $CP dev.fleetdeck.ui.ConsoleMain --fleet $WORK/fleet.json --history none; echo exit=\$?" Enter
  t1=$(wait_for "focus-prompt" 30)
  ff+=("$(ms "$(cat "$WORK/t0")" "$t1")")
  wait_for "● local1" 30 >/dev/null
  tmux send-keys -t "$S" q
  wait_for "exit=0" 30 >/dev/null
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "java -version:            $(median "${jv[@]}") ms   (runs: ${jv[*]})"
echo "launch to first frame:    $(median "${ff[@]}") ms   (runs: ${ff[*]})"

echo "== flood: seq 1 $LINES_N into one pane =="
tmux send-keys -t "$S" "clear; java -cp $CP dev.fleetdeck.ui.ConsoleMain --fleet $WORK/fleet.json --history none; echo exit=\$?" Enter
wait_for "● local1" 30 >/dev/null
shell_pid=$(tmux display -p -t "$S" '#{pane_pid}')
jpid=$(pgrep -P "$shell_pid" java)
# the marker is computed by the shell, so the typed command line on the prompt never matches it
tmux send-keys -t "$S" ":exec local1 -- seq 1 $LINES_N; echo flood-\$((40+2))"
wait_for 'flood-$((40+2))' 30 >/dev/null
t0=$(now); tmux send-keys -t "$S" Enter
lat=()
# keys during the flood: open the help overlay, wait until it shows, close it
for i in 1 2 3 4 5; do
  screen | grep -qF "flood-42" && break
  k0=$(now); tmux send-keys -t "$S" "?"; k1=$(wait_for "Keys: default keymap" 30); lat+=("$(ms "$k0" "$k1")")
  tmux send-keys -t "$S" Space; wait_gone "Keys: default keymap" 30
done
t1=$(wait_for "flood-42" 600)
wait_for "e1 · exec · passed" 60 >/dev/null
secs_ms=$(ms "$t0" "$t1")
rss=$(awk '/VmHWM/ {print $2}' "/proc/$jpid/status")
echo "lines:                    $LINES_N in $secs_ms ms = $(( LINES_N * 1000 / (secs_ms > 0 ? secs_ms : 1) )) lines/s"
echo "key -> screen during flood: ${lat[*]:-none (flood ended first)} ms"
echo "peak RSS:                 $(( rss / 1024 )) MiB (pane keeps 100000 lines)"
idle=()
for i in 1 2 3; do
  k0=$(now); tmux send-keys -t "$S" "?"; k1=$(wait_for "Keys: default keymap" 30); idle+=("$(ms "$k0" "$k1")")
  tmux send-keys -t "$S" Space; wait_gone "Keys: default keymap" 30
done
echo "key -> screen when idle:  ${idle[*]} ms (includes ~5-10 ms of tmux polling)"
tmux send-keys -t "$S" q
wait_for "exit=0" 30 >/dev/null
