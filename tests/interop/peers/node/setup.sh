#!/usr/bin/env bash
# Installs the pinned node-soap (package-lock.json) into this folder's node_modules. Idempotent, quiet.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# npm writes node_modules/.package-lock.json on every install: if it is newer than the committed
# lock, the tree already matches and we skip npm (no registry round trip).
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
