#!/usr/bin/env bash
# Times, in a real terminal (a tmux of its own), how long the explorer takes from the
# command to its loading screen and to its first frame of events, cold (no copy in the
# cache: parse and check) and warm (a fresh copy), with the peak resident memory of each
# whole run (`/usr/bin/time`; the cold run ends after the index is built and the copy saved).
#
#   bash benches/first_frame.sh STORE.ron [RUNS]     # EVEX=path/to/evex to time another build
set -euo pipefail
cd "$(dirname "$0")/.."
store="$(realpath "$1")"
runs="${2:-3}"
evex="$(realpath "${EVEX:-target/release/evex}")"
work="$(mktemp -d)"
socket="evex-frame-$$"
t() { tmux -L "$socket" "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$work"' EXIT
t new-session -d -s f -x 120 -y 40 "env PS1='$ ' bash --norc --noprofile"
sleep 0.3
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Waits until the screen has TEXT; prints the milliseconds since START.
until_screen() {
  local text="$1" start="$2"
  while ! t capture-pane -p -t f | grep -qF -- "$text"; do sleep 0.01; done
  echo $(($(now_ms) - start))
}
# Waits for the explorer's first frame (its `N/M events` header); prints when the loading
# screen was first seen ("-" if never: it was drawn and replaced between two looks) and when
# the frame was.
until_frame() {
  local start="$1" loading="-" screen
  while true; do
    screen=$(t capture-pane -p -t f)
    if [ "$loading" = "-" ] && grep -qF "q quits" <<<"$screen"; then
      loading=$(($(now_ms) - start))
    fi
    if grep -qE "[0-9]+/[0-9]+ events" <<<"$screen"; then
      echo "$loading $(($(now_ms) - start))"
      return
    fi
    sleep 0.005
  done
}
printf '%-5s %14s %12s %10s\n' "open" "loading screen" "first frame" "peak RSS"
for kind in cold warm; do
  for _ in $(seq "$runs"); do
    [ "$kind" = cold ] && rm -rf "$work/cache"
    t send-keys -t f "clear" Enter
    sleep 0.2
    start=$(now_ms)
    t send-keys -t f "XDG_CACHE_HOME=$work/cache /usr/bin/time -f %M -o $work/rss $evex $store; echo end''ed" Enter
    read -r loading frame < <(until_frame "$start")
    t send-keys -t f q
    until_screen "ended" "$start" >/dev/null
    printf '%-5s %11s ms %9s ms %7s MB\n' "$kind" "$loading" "$frame" "$(($(tail -1 "$work/rss") / 1024))"
  done
done
