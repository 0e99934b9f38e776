#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml: requirements-test.lock (the app and its test
# extras, what CI installs) and requirements.lock (the app alone, at the same versions), with
# hashes, for every platform and Python 3.11+. Needs uv (pip install uv). Pass --upgrade to move
# every pin to the newest release pyproject allows; without it, current pins are kept when
# they still fit.
set -euo pipefail
cd "$(dirname "$0")/.."
compile=(uv pip compile pyproject.toml --quiet --universal --python-version 3.11
  --generate-hashes --custom-compile-command "deploy/lock.sh" "$@")
"${compile[@]}" --extra test -o requirements-test.lock
"${compile[@]}" -c requirements-test.lock -o requirements.lock
echo "requirements-test.lock: $(grep -c '^[a-z]' requirements-test.lock) packages;" \
  "requirements.lock: $(grep -c '^[a-z]' requirements.lock)"
