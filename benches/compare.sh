#!/usr/bin/env bash
# Times evex against grep, ripgrep and fzf on the same events, in one run, so the ratios are
# measured on one machine at one moment.
#
#   bash benches/compare.sh [EVENTS]        # default 1000000
#   STORE=/tmp/shape-1m.ron bash benches/compare.sh   # an existing store instead of writing one
#
# Writes a synthetic store with the `gen` example (seed 7), the same events as one CSV line
# each (what grep, rg and fzf read), and times each query as a whole process, median of
# RUNS runs (default 3):
#   - `grep -ci QUERY lines` and `rg -ci QUERY lines` (rg when installed): a count of the
#     lines with the text, the cheapest one-off answer there is
#   - `fzf --filter QUERY < lines`: a fuzzy scan of everything
#   - `evex list -f csv -q QUERY store.ron`, warm (a fresh copy in the cache) and, for the
#     first query, cold (no copy: parse, check, index, save)
# and prints each tool's time over evex's warm time. Per keystroke in the explorer (no
# loading) see `cargo bench --bench query`.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-1000000}"
runs="${RUNS:-3}"
work="${TMPDIR:-/tmp}/evex-compare"
mkdir -p "$work"
export XDG_CACHE_HOME="$work/cache"

if ! command -v fzf >/dev/null 2>&1; then
  echo "== installing fzf"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fzf
fi
have_rg=$(command -v rg >/dev/null 2>&1 && echo 1 || echo 0)

cargo build --release --quiet --example gen
cargo build --release --quiet
evex=target/release/evex

store="${STORE:-$work/$events.ron}"
lines="$work/$(basename "$store" .ron).csv"
if [ ! -s "$store" ]; then
  echo "== writing $events events to $store"
  target/release/examples/gen "$events" --seed 7 >"$store"
fi
# Reading the store once also leaves a fresh copy in the cache for the warm runs.
"$evex" list -f csv "$store" 2>/dev/null | tail -n +2 >"$lines"
echo "== $(wc -l <"$lines") lines, $(du -h "$lines" | cut -f1) for grep/rg/fzf; store $(du -h "$store" | cut -f1)"

# Milliseconds of the median of RUNS runs of a command, with standard input from INPUT.
# BEFORE, if set, runs before each timed run (untimed).
median_ms() {
  local input="$1"
  shift
  local times=()
  for _ in $(seq "$runs"); do
    if [ -n "${BEFORE:-}" ]; then eval "$BEFORE"; fi
    local start end
    start=$(date +%s%N)
    # Not to /dev/null: GNU grep stops at the first match when it sees its output goes there.
    "$@" <"$input" >"$work/out" 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / (b > 0 ? b : 1) }'; }

printf '\n%-26s %9s %9s %9s %9s %10s %9s %9s %9s %9s\n' "query" "evex warm" "evex cold" \
  "grep -ci" "rg -ci" "fzf" "grep/evex" "rg/evex" "fzf/evex" "matches"
first=1
for query in "treaty" "bak" "minsk tractor" "oil pipeline sanctions"; do
  warm=$(median_ms /dev/null "$evex" list -f csv -q "$query" "$store")
  cold="-"
  if [ "$first" = 1 ]; then
    cold=$(BEFORE="rm -rf '$XDG_CACHE_HOME'" median_ms /dev/null "$evex" list -f csv -q "$query" "$store")
    first=0
  fi
  # grep and rg look for the first word (they have no AND of words); evex for all of them.
  word="${query%% *}"
  grep_ms=$(median_ms /dev/null grep -ci "$word" "$lines")
  rg_ms="-"
  [ "$have_rg" = 1 ] && rg_ms=$(median_ms /dev/null rg -ci "$word" "$lines")
  fzf_ms=$(median_ms "$lines" fzf --filter "$query")
  found=$("$evex" list -f csv -q "$query" "$store" 2>/dev/null | tail -n +2 | wc -l)
  rg_ratio="-"
  [ "$have_rg" = 1 ] && rg_ratio=$(ratio "$rg_ms" "$warm")
  printf '%-26s %9s %9s %9s %9s %10s %9s %9s %9s %9s\n' "\"$query\"" "$warm" "$cold" \
    "$grep_ms" "$rg_ms" "$fzf_ms" "$(ratio "$grep_ms" "$warm")" "$rg_ratio" \
    "$(ratio "$fzf_ms" "$warm")" "$found"
done
echo "(milliseconds, median of $runs; a ratio over 1 means evex is faster)"
