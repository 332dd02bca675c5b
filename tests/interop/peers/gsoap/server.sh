#!/usr/bin/env bash
# Serves /ams, /round4 and /faults with gSOAP on 127.0.0.1: server.sh --port P [--soap 1.1|1.2]
# (build it first with setup.sh). One process answers SOAP 1.1 and 1.2, so --soap is accepted
# and ignored. Prints "LISTENING <port>" once bound; runs until killed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
bin="$root/target/interop/gsoap/gsoap-server"
[ -x "$bin" ] || { echo "$bin: missing, run tests/interop/peers/gsoap/setup.sh first" >&2; exit 1; }
# run.sh passes every peer --wsdl-dir; gSOAP's WSDLs are compiled in by setup.sh.
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --wsdl-dir ]; then shift 2; continue; fi
  args+=("$1"); shift
done
exec "$bin" "${args[@]}"
