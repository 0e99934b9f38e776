#!/usr/bin/env bash
# Check that the README's two commands work on a fresh machine: build a minimal Debian 12 root
# with debootstrap (Python 3.11, git and CA certificates only), clone this repository's last
# commit into it, run the quick start there until the home page answers, stop it with SIGTERM
# (no process may be left), then run the test command. As root; about 10 minutes.
# ROADMAP_FRESH_DIR (default /var/tmp/roadmap-fresh) is where the root is built;
# ROADMAP_FRESH_KEEP=1 keeps it afterwards.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${ROADMAP_FRESH_DIR:-/var/tmp/roadmap-fresh}
root=$work/root
suite=bookworm
[ "$(id -u)" -eq 0 ] || { echo "fresh-check.sh needs root (debootstrap, chroot)" >&2; exit 1; }
step() { echo "--- $(date +%T) $*"; }

# The Debian mirror this machine's apt already uses (one-line or deb822 sources).
mirror=$(grep -rhoE '(URIs:|deb)[[:space:]]+https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
  /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | awk '{print $2}' | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}

processes_in_root() {  # run a command line in the root, from the clone, with a clean environment
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${env_extra[@]}" \
    ROADMAP_PORT="$port" /bin/bash -c "cd /srv/roadmap && $1"
}
quick_start=$("$repo/deploy/readme-command.sh" "Quick start")
run_tests=$("$repo/deploy/readme-command.sh" "Running the tests")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

step "quick start: $quick_start"
in_root "$quick_start" >"$work/quick-start.log" 2>&1 &
starter=$!
deadline=$((SECONDS + 900))
until page=$(curl -fsS --max-time 5 "http://127.0.0.1:$port/" 2>/dev/null); do
  if ! kill -0 "$starter" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
    tail -n 30 "$work/quick-start.log"
    echo "FAIL: the quick start did not serve the home page" >&2
    exit 1
  fi
  sleep 2
done
grep -q 'lang="fr"' <<<"$page" || { echo "FAIL: the home page is not in French" >&2; exit 1; }
grep -E "^(Installing|System packages|Roadmap|WARNING)" "$work/quick-start.log" || true
echo "ok: http://127.0.0.1:$port/ answered ($(wc -c <<<"$page") bytes, French)"

sleep 5  # let the PDF render process start, so that stopping has it to stop
server=""
for pid in $(processes_in_root); do
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "bin/roadmap serve" && server=$pid
done
[ -n "$server" ] || { echo "FAIL: no roadmap serve process in the root" >&2; exit 1; }
echo "processes in the root before stopping: $(processes_in_root | wc -l)"
kill -TERM "$server"
for _ in $(seq 1 40); do
  [ -z "$(processes_in_root)" ] && break
  sleep 0.5
done
left=$(processes_in_root)
if [ -n "$left" ]; then
  ps -o pid,args -p "$(tr '\n' ',' <<<"$left" | sed 's/,$//')" || true
  echo "FAIL: processes left running 20 s after SIGTERM" >&2
  exit 1
fi
wait "$starter" || { echo "FAIL: the quick start exited $? after SIGTERM" >&2; exit 1; }
tail -n 1 "$work/quick-start.log"
echo "ok: SIGTERM stopped the server and its render processes"

step "tests: $run_tests"
if in_root "$run_tests" >"$work/tests.log" 2>&1; then status=0; else status=$?; fi
grep -E "^(Installing|System packages)" "$work/tests.log" || true
tail -n 12 "$work/tests.log"
if [ "$status" -ne 0 ]; then
  echo "FAIL: the README's test command exited $status (log: $work/tests.log)" >&2
  exit 1
fi
step "fresh-check passed: both README commands work on a minimal Debian 12"
