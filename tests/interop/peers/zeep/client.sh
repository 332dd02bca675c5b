#!/usr/bin/env bash
# zeep client: client.sh --soap 1.1|1.2 --base http://127.0.0.1:PORT --wsdl-dir DIR
# Prints one RESULT line per contract case. Needs setup.sh to have run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="$here/../../../../target/interop/venv/bin/python"
[ -x "$py" ] || { echo "zeep venv missing: run $here/setup.sh" >&2; exit 2; }
exec "$py" "$here/client.py" "$@"
