#!/usr/bin/env bash
# node-soap server: server.sh --port P --wsdl-dir DIR [--soap 1.1|1.2]
# Serves /ams, /round4, /faults on 127.0.0.1:P (both SOAP versions unless --soap narrows it),
# prints "LISTENING P" when ready, runs until killed. Needs setup.sh to have run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -d "$here/node_modules/soap" ] || { echo "node-soap not installed: run $here/setup.sh" >&2; exit 2; }
# exec: a signal sent to this script's pid reaches node itself.
exec node "$here/server.js" "$@"
