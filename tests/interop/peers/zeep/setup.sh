#!/usr/bin/env bash
# Creates the interop venv (target/interop/venv) with a pinned zeep. Idempotent and quiet.
set -euo pipefail
ZEEP_VERSION=4.3.3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
venv="$root/target/interop/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# Skip pip entirely when the pinned version is already there (no registry round trip).
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("zeep"))' 2>/dev/null)" != "$ZEEP_VERSION" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "zeep==$ZEEP_VERSION"
fi
