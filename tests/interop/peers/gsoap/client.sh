#!/usr/bin/env bash
# Runs every contract case with the gSOAP client: client.sh --soap 1.1|1.2 --base http://127.0.0.1:PORT
# (build it first with setup.sh). Prints one RESULT line per case.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
bin="$root/target/interop/gsoap/gsoap-client"
[ -x "$bin" ] || { echo "$bin: missing, run tests/interop/peers/gsoap/setup.sh first" >&2; exit 1; }
# run.sh passes every peer --wsdl-dir; gSOAP's WSDLs are compiled in by setup.sh.
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --wsdl-dir ]; then shift 2; continue; fi
  args+=("$1"); shift
done
exec "$bin" "${args[@]}"
