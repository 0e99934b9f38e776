#!/usr/bin/env bash
# Install the Debian/Ubuntu packages of deploy/debian-packages.txt: the [runtime] section, and
# the [test] one too with --test. Does nothing when they are all installed; otherwise runs
# apt-get as root, or through sudo. --list prints the packages and installs nothing.
set -euo pipefail
sections=" runtime "
list_only=false
for arg in "$@"; do
  case "$arg" in
    --test) sections+="test " ;;
    --list) list_only=true ;;
    *) echo "usage: $0 [--test] [--list]" >&2; exit 2 ;;
  esac
done

# Lines of the wanted sections, without comments and blanks.
mapfile -t packages < <(awk -v want="$sections" '
  { sub(/#.*/, ""); gsub(/[ \t]+$/, "") }
  /^\[.*\]$/ { section = substr($0, 2, length($0) - 2); next }
  NF && index(want, " " section " ") { print $1 }
' "$(dirname "$0")/debian-packages.txt")

if $list_only; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all ${#packages[@]} installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "Installing ${missing[*]} needs root: run this as root, or install sudo." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
# A failing third-party source should not stop the install: the lists may still be enough.
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  || echo "apt-get update failed; trying with the package lists as they are" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "System packages: installed ${#missing[@]}."
