#!/usr/bin/env bash
# The interop suite: installs the peers (zeep, node-soap, gSOAP) if missing, then runs the whole
# matrix of tests/interop/CONTRACT.md and prints it. Exits non-zero if any cell fails.
#
#   tests/interop/run.sh            # everything
#   PEERS="zeep node-soap" tests/interop/run.sh   # a subset
#
# Every exchange passes through `soapgen-interop proxy`, which checks its raw HTTP.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
peers="${PEERS:-zeep node-soap gsoap}"
work="$root/target/interop"
wsdl_dir="$work/wsdl"
logs="$work/logs"
mkdir -p "$logs"
rm -f "$logs"/*.log "$work/results.tsv"

echo "== interop WSDLs (derived from ../shared/wsdl-corpus, written to $wsdl_dir)"
python3 tests/interop/wsdl_variants.py "$root" "$root/../shared/wsdl-corpus" "$wsdl_dir"

echo "== soapgen-interop (our generated clients and servers, and the checking proxy)"
SOAPGEN_INTEROP_WSDL_DIR="$wsdl_dir" cargo build -q -p soapgen-tests --features interop --bin soapgen-interop
ours="$root/target/debug/soapgen-interop"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME CMD...: runs CMD in the background, waits for its "LISTENING <port>" line and
# sets $port to that port.
start() {
  local name="$1"; shift
  "$@" >"$logs/$name.out" 2>"$logs/$name.err" &
  pids+=("$!")
  for _ in $(seq 1 300); do
    port="$(sed -n 's/^LISTENING \([0-9]*\).*/\1/p' "$logs/$name.out" | head -n1)"
    if [ -n "$port" ]; then return 0; fi
    if ! kill -0 "$!" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "$name did not start; its stderr:" >&2
  cat "$logs/$name.err" >&2
  exit 1
}

# proxy NAME PEER DIRECTION UPSTREAM_PORT: a checking proxy in front of UPSTREAM_PORT.
proxy() {
  start "proxy-$1" "$ours" proxy --upstream "http://127.0.0.1:$4" --wsdl-dir "$wsdl_dir" \
    --peer "$2" --direction "$3" --log "$logs/wire.log"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

peer_dir() { case "$1" in node-soap) echo tests/interop/peers/node ;; *) echo "tests/interop/peers/$1" ;; esac; }

echo "== peers: $peers"
for peer in $peers; do
  if [ "$peer" = gsoap ]; then
    "$(peer_dir "$peer")/setup.sh" --wsdl-dir "$wsdl_dir"
  else
    "$(peer_dir "$peer")/setup.sh"
  fi
done

start soapgen-server "$ours" serve
our_server=$port

for peer in $peers; do
  dir="$(peer_dir "$peer")"
  # The peer's client against our server.
  proxy "$peer-client" "$peer" "peer-client->soapgen-server" "$our_server"
  for soap in 1.1 1.2; do
    echo "-- $peer client -> soapgen server, SOAP $soap"
    "$dir/client.sh" --soap "$soap" --base "http://127.0.0.1:$port" --wsdl-dir "$wsdl_dir" \
      >>"$work/results.tsv" 2>>"$logs/$peer-client.err" || echo "$peer client exited with $?" >>"$logs/$peer-client.err"
  done
  # Our client against the peer's server (zeep has no server).
  if [ -x "$dir/server.sh" ]; then
    for soap in 1.1 1.2; do
      start "$peer-server-$soap" "$dir/server.sh" --port "$(free_port)" --soap "$soap" --wsdl-dir "$wsdl_dir"
      proxy "$peer-server-$soap" "$peer" "soapgen-client->peer-server" "$port"
      echo "-- soapgen client -> $peer server, SOAP $soap"
      "$ours" client --peer "$peer" --base "http://127.0.0.1:$port" --soap "$soap" >>"$work/results.tsv"
    done
  fi
done

cleanup
python3 tests/interop/matrix.py "$work/results.tsv" "$logs/wire.log" --peers "$peers" --markdown "$work/matrix.md"
