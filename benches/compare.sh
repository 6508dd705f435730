#!/usr/bin/env bash
# Times `fzf --filter` against evex on the same events, in one run, so the ratio is measured
# on one machine at one moment.
#
#   bash benches/compare.sh [EVENTS]        # default 1000000
#
# Writes a synthetic store with the `gen` example, the same events as one CSV line each (what
# fzf searches), and times for each query, whole process, median of 3 runs:
#   - `fzf --filter QUERY < lines`
#   - `evex list -q QUERY store.ron` with a warm cache (load from the cache + search + print)
# The per-keystroke latency of evex's engine, without loading, is in `cargo bench --bench query`.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-1000000}"
work="${TMPDIR:-/tmp}/evex-compare"
mkdir -p "$work"

if ! command -v fzf >/dev/null 2>&1; then
  echo "== installing fzf"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fzf
fi

cargo build --release --quiet --example gen
cargo build --release --quiet
evex=target/release/evex

store="$work/$events.ron"
lines="$work/$events.csv"
if [ ! -s "$store" ]; then
  echo "== writing $events events to $store"
  target/release/examples/gen "$events" --seed 7 >"$store"
fi
# Reading the store once also leaves a fresh copy in the cache for the timed runs.
"$evex" list -f csv "$store" 2>/dev/null | tail -n +2 >"$lines"
echo "== $(wc -l <"$lines") lines, $(du -h "$lines" | cut -f1) for fzf; store $(du -h "$store" | cut -f1)"

# Milliseconds of the median of three runs of a command, reading the file INPUT each time.
median_ms() {
  local input="$1"
  shift
  local runs=()
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" <"$input" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    runs+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

printf '\n%-28s %12s %12s %8s %10s\n' "query" "fzf ms" "evex ms" "ratio" "matches"
for query in "bakiyev" "treaty" "b" "bak" "minsk tractor" "oil pipeline sanctions"; do
  fzf_ms=$(median_ms "$lines" fzf --filter "$query")
  evex_ms=$(median_ms /dev/null "$evex" list -f csv -q "$query" "$store")
  found=$("$evex" list -f csv -q "$query" "$store" 2>/dev/null | tail -n +2 | wc -l)
  ratio=$(awk -v a="$fzf_ms" -v b="$evex_ms" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }')
  printf '%-28s %12s %12s %8s %10s\n' "\"$query\"" "$fzf_ms" "$evex_ms" "$ratio" "$found"
done
