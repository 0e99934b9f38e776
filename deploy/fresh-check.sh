#!/usr/bin/env bash
# Check that the README's two commands work on a fresh machine: build a minimal Debian 12 root
# with debootstrap (Python 3.11, git and CA certificates only), clone this repository's last
# commit into it, run the quick start there until the home page answers, stop it with SIGTERM
# (no process may be left), then run the test command. As root; about 10 minutes.
# ROADMAP_FRESH_DIR (default /var/tmp/roadmap-fresh) is where the root is built and the logs
# kept; ROADMAP_FRESH_KEEP=1 keeps the root afterwards.
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

processes_in_root() {  # pids of the processes whose root directory is the fresh root
  local link pid
  for link in /proc/[0-9]*/root; do
    if [ "$(readlink "$link" 2>/dev/null)" = "$root" ]; then
      pid=${link#/proc/}
      echo "${pid%/root}"
    fi
  done
  return 0
}

cleanup() {
  local pids mount
  pids=$(processes_in_root)
  if [ -n "$pids" ]; then
    kill -KILL $pids 2>/dev/null || true
    sleep 0.5
  fi
  for mount in $(awk -v r="$root" 'index($2, r "/") == 1 {print $2}' /proc/mounts | sort -r); do
    umount -l "$mount" 2>/dev/null || true
  done
  if [ "${ROADMAP_FRESH_KEEP:-0}" != 1 ] && ! grep -q " $root/" /proc/mounts; then
    rm -rf "$root"
  fi
}
trap cleanup EXIT

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap"
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

step "building a minimal Debian 12 root in $root from $mirror"
cleanup
mkdir -p "$work"
debootstrap --variant=minbase --include=python3,git,ca-certificates "$suite" "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log"; exit 1; }
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $mirror-security $suite-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# debootstrap writes no /etc/hosts; an installed Debian has one (the installer writes it).
[ -s "$root/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
  >"$root/etc/hosts"
# As in any chroot: packages install without starting their services (nginx would take port 80).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
# CAs this machine added itself (e.g. for a TLS-inspecting proxy on its network) are trusted in
# the root too, and pip is told to use the system's store; a machine without any adds nothing.
env_extra=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
  env_extra+=(PIP_CERT=/etc/ssl/certs/ca-certificates.crt)
fi
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
echo "in the root: $(chroot "$root" python3 --version), $(chroot "$root" git --version)," \
  "$(chroot "$root" dpkg-query -W -f='.\n' | wc -l) Debian packages"

step "cloning $(git -C "$repo" log -1 --format='%h %s' | cut -c1-80)"
git clone --quiet "$repo" "$root/srv/roadmap"

quick_start=$("$repo/deploy/readme-command.sh" "Quick start")
run_tests=$("$repo/deploy/readme-command.sh" "Running the tests")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

in_root() {  # run a command line in the root, from the clone, with a clean environment
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${env_extra[@]}" \
    ROADMAP_PORT="$port" /bin/bash -c "cd /srv/roadmap && $1"
}

step "quick start (port $port through ROADMAP_PORT): $quick_start"
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
grep -E "^(Installing|System packages|Successfully installed roadmap|Roadmap|WARNING)" \
  "$work/quick-start.log" | cut -c1-160 || true
echo "ok: http://127.0.0.1:$port/ answered ($(wc -c <<<"$page") bytes, in French)"

sleep 5  # let the PDF render process start, so that stopping has it to stop
server=""
for pid in $(processes_in_root); do
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "bin/roadmap serve"; then
    server=$pid
  fi
done
[ -n "$server" ] || { echo "FAIL: no roadmap serve process in the root" >&2; exit 1; }
echo "processes in the root before SIGTERM: $(processes_in_root | wc -l)"
kill -TERM "$server"
for _ in $(seq 1 40); do
  [ -z "$(processes_in_root)" ] && break
  sleep 0.5
done
left=$(processes_in_root)
if [ -n "$left" ]; then
  ps -o pid,args -p "$(paste -sd, <<<"$left")" || true
  echo "FAIL: processes left running 20 s after SIGTERM" >&2
  exit 1
fi
if wait "$starter"; then status=0; else status=$?; fi
[ "$status" -eq 0 ] || { echo "FAIL: the quick start exited $status after SIGTERM" >&2; exit 1; }
tail -n 1 "$work/quick-start.log"
echo "ok: SIGTERM stopped the server and its render processes, exit status 0"

step "tests: $run_tests"
if in_root "$run_tests" >"$work/tests.log" 2>&1; then status=0; else status=$?; fi
grep -E "^(Installing|System packages)" "$work/tests.log" || true
tail -n 12 "$work/tests.log"
if [ "$status" -ne 0 ]; then
  echo "FAIL: the README's test command exited $status (log: $work/tests.log)" >&2
  exit 1
fi
step "fresh-check passed: both README commands work on a minimal Debian 12"
