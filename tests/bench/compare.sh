#!/usr/bin/env bash
# Measures soapgen and its peers side by side in one run and prints the ratios:
#   - in memory: the seed call's encode/decode vs gSOAP (and zeep), decode vs quick-xml's bare
#     tokenisation, the large response in MB/s, peak heap while decoding it;
#   - server: wrk against our generated server, gSOAP's, and the HTTP floor, each pinned to CPU 1
#     with wrk on CPU 0;
#   - code generation: soapgen vs wsdl2h + soapcpp2 on the largest corpus WSDLs.
# Installs what it needs (wrk, gSOAP, zeep). Usage: tests/bench/compare.sh [--quick] [--build]
#   --quick  shorter criterion and wrk runs (noisier figures)
#   --build  also time `cargo build --release` of each generated file (several minutes each)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
quick=0; build=0
for arg in "$@"; do
  case "$arg" in --quick) quick=1 ;; --build) build=1 ;; *) echo "unknown option $arg" >&2; exit 2 ;; esac
done
out="$root/target/bench"; mkdir -p "$out"
tsv="$out/bench.tsv"; : >"$tsv"
corpus="$root/../shared/wsdl-corpus"
measure=5; wrk_time=10s
if [ $quick = 1 ]; then measure=2; wrk_time=4s; fi

echo "== tools: wrk, gSOAP, zeep"
if ! command -v wrk >/dev/null || ! command -v wsdl2h >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk gsoap libgsoap-dev >/dev/null
fi
tests/interop/peers/zeep/setup.sh
tests/bench/peers/gsoap/build.sh

echo "== release builds"
cargo build -q --release -p soapgen -p soapgen-bench --bins

echo "== soapgen in memory (criterion)"
rm -rf target/criterion
cargo bench -q -p soapgen-bench --benches -- --warm-up-time 1 --measurement-time "$measure" >"$out/criterion.log" 2>&1 \
  || { tail -20 "$out/criterion.log"; exit 1; }
python3 tests/bench/criterion_lines.py target/criterion >>"$tsv"
target/release/soapgen-bench-mem | grep '^BENCH' >>"$tsv"

echo "== gSOAP in memory"
target/bench/gsoap/gsoap-bench | grep '^BENCH' >>"$tsv"

echo "== zeep in memory"
target/interop/venv/bin/python tests/bench/peers/zeep_bench.py | grep '^BENCH' >>"$tsv"

echo "== servers under wrk (server on CPU 1, wrk on CPU 0)"
# The seed request exactly as the criterion bench decodes it (build.sh checks it against lib.rs).
request="$root/tests/bench/peers/gsoap/messages/request-1.1.xml"
run_wrk() { # SIDE CMD...: start CMD pinned to CPU 1, load it from CPU 0, record rps and latency
  local side="$1"; shift
  local port; port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  taskset -c 1 "$@" "$port" >"$out/$side-server.out" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do grep -q LISTENING "$out/$side-server.out" 2>/dev/null && break; sleep 0.1; done
  local url="http://127.0.0.1:$port/WebApi/AccountManagementService/AccountManagementService.asmx"
  # The response must be the seed's, or the figure would time an error path.
  curl -sf -H 'Content-Type: text/xml; charset=utf-8' \
    -H 'SOAPAction: "sosonlinebackup.com/ChangeBackupAccountEmail"' --data-binary @"$request" "$url" \
    | grep -q ChangeBackupAccountEmailResponse || { echo "$side: wrong answer to the seed request" >&2; kill $pid; exit 1; }
  BODY_FILE="$request" SOAP_VERSION=1.1 taskset -c 0 wrk -t1 -c16 -d"$wrk_time" --latency \
    -s tests/bench/peers/post-seed.lua "$url" >"$out/$side-wrk.txt"
  kill $pid; wait $pid 2>/dev/null || true
  python3 - "$side" "$out/$side-wrk.txt" >>"$tsv" <<'PY'
import re, sys
side, text = sys.argv[1], open(sys.argv[2]).read()
if re.search(r"Non-2xx or 3xx responses", text):
    sys.exit(f"{side}: wrk saw error responses:\n{text}")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"BENCH\t{side}\tserver/rps\t{rps}\treq/s")
unit = {"us": 1, "ms": 1000, "s": 1e6}
for p in ("50", "99"):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    print(f"BENCH\t{side}\tserver/p{p}_us\t{float(m.group(1)) * unit[m.group(2)]}\tµs")
PY
}
run_wrk soapgen target/release/soapgen-bench-server
run_wrk gsoap target/bench/gsoap/gsoap-bench-server
run_wrk floor target/release/soapgen-bench-floor

echo "== code generation"
for w in wasabi/economic.wsdl gowsdl/vboxweb.wsdl ews-exchange2007/Services.wsdl salesforce/partner.wsdl; do
  [ -f "$corpus/$w" ] || { echo "$corpus/$w: missing, skipped"; continue; }
  name="$(basename "$w" .wsdl)"
  gen="$out/codegen/$name"; rm -rf "$gen"; mkdir -p "$gen/gsoap"
  # The median wall time of 5 runs (the first run of a large file also pays for page faults),
  # and the largest peak RSS.
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$gen/time.$i" target/release/soapgen generate "$corpus/$w" -o "$gen/$name.rs" 2>/dev/null
  done
  read -r secs kb < <(cat "$gen"/time.* | sort -n | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { print t[3], m }')
  printf 'BENCH\tsoapgen\tcodegen/%s/seconds\t%s\ts\nBENCH\tsoapgen\tcodegen/%s/peak_bytes\t%s\tbytes\n' \
    "$name" "$secs" "$name" "$((kb * 1024))" >>"$tsv"
  printf 'BENCH\tsoapgen\tcodegen/%s/lines\t%s\tlines\n' "$name" "$(wc -l <"$gen/$name.rs")" >>"$tsv"
  (cd "$gen/gsoap" && /usr/bin/time -f "%e %M" -o ../wsdl2h.time wsdl2h -o "$name.h" "$corpus/$w" >/dev/null 2>&1 \
    && /usr/bin/time -f "%e %M" -o ../soapcpp2.time soapcpp2 -j -C -x -I/usr/share/gsoap/import "$name.h" >/dev/null 2>&1) \
    || echo "gSOAP failed on $w (see $gen/gsoap)"
  if [ -s "$gen/wsdl2h.time" ] && [ -s "$gen/soapcpp2.time" ]; then
    read -r s1 k1 <"$gen/wsdl2h.time"; read -r s2 k2 <"$gen/soapcpp2.time"
    python3 -c "print(f'BENCH\tgsoap\tcodegen/$name/seconds\t{$s1 + $s2:.2f}\ts'); print(f'BENCH\tgsoap\tcodegen/$name/peak_bytes\t{max($k1, $k2) * 1024}\tbytes')" >>"$tsv"
  fi
  if [ $build = 1 ]; then
    crate="$gen/crate"; mkdir -p "$crate/src"
    printf '[package]\nname = "codegen-%s"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nsoapgen-runtime = { path = "%s/runtime" }\n[workspace]\n' \
      "$name" "$root" >"$crate/Cargo.toml"
    cp "$gen/$name.rs" "$crate/src/lib.rs"
    # Dependencies first, so the figure is the generated crate alone.
    CARGO_TARGET_DIR="$out/codegen-target" cargo build -q --release --manifest-path "$crate/Cargo.toml" -p soapgen-runtime
    start=$(date +%s.%N)
    CARGO_TARGET_DIR="$out/codegen-target" cargo build -q --release --manifest-path "$crate/Cargo.toml"
    python3 -c "import time; print(f'BENCH\tsoapgen\tcodegen/$name/build_seconds\t{time.time() - $start:.1f}\ts')" >>"$tsv"
  fi
done

echo "== report"
python3 tests/bench/report.py "$tsv" --markdown "$out/report.md"
echo "(all figures: $tsv; tables: $out/report.md)"
