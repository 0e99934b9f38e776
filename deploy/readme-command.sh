#!/usr/bin/env bash
# Print the shell command of a README section (the first ```sh block under "## HEADING"), so
# that CI and deploy/fresh-check.sh run exactly what the README tells people to run.
set -euo pipefail
heading=${1:?usage: $0 'Quick start' | 'Running the tests'}
command=$(awk -v want="## $heading" '
  $0 == want { found = 1; next }
  found && /^## / { exit }
  found && /^```sh$/ { inside = 1; next }
  inside && /^```$/ { exit }
  inside { print }
' "$(dirname "$0")/../README.md")
[ -n "$command" ] || { echo "README.md has no sh block under '## $heading'" >&2; exit 1; }
printf '%s\n' "$command"
