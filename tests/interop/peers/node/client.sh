#!/usr/bin/env bash
# node-soap client: client.sh --soap 1.1|1.2 --base http://127.0.0.1:PORT --wsdl-dir DIR
# Prints one RESULT line per contract case. Needs setup.sh to have run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -d "$here/node_modules/soap" ] || { echo "node-soap not installed: run $here/setup.sh" >&2; exit 2; }
exec node "$here/client.js" "$@"
