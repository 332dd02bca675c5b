#!/usr/bin/env bash
# Builds the gSOAP peer of the benchmarks in target/bench/gsoap/ (never in the repository):
#   gsoap-bench             in-memory codec of the seed call, SOAP 1.1 and 1.2 (bench.cpp)
#   gsoap-bench-large(-mem) large GetAllAccounts decode: time / peak heap (large.cpp, run by
#                           gsoap-bench, one process per size)
#   gsoap-bench-server      single-threaded HTTP server for wrk (server.cpp)
# Two gSOAP programs, one per WSDL: AccountManagementService.wsdl and asmx-variant.wsdl share
# their target namespace but type ChangeBackupAccountEmailResponse differently, and each
# soapcpp2 output defines the same global serializers, so they cannot share a binary.
# Idempotent: rebuilds only when an input changed (content hash of WSDLs, glue, this script).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$root/target/bench/gsoap"
ams_wsdl="$root/wsdl/AccountManagementService.wsdl"
var_wsdl="$root/tests/fixtures/asmx-variant.wsdl"

if ! command -v wsdl2h >/dev/null || ! command -v soapcpp2 >/dev/null || [ ! -f /usr/include/stdsoap2.h ]; then
  echo "installing gsoap + libgsoap-dev" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq gsoap libgsoap-dev >&2
fi

# The decode inputs must stay byte-identical to what tests/bench/src/lib.rs decodes: the
# request/response files are its seed_request/seed_response raw strings with prefix and
# namespace filled in (the fault files follow encode_fault, the large message is built in
# large.cpp and checked against messages/large-2.xml at run time).
python3 - "$root/tests/bench/src/lib.rs" "$here/messages" <<'PY'
import re, sys
src, msgs = open(sys.argv[1]).read(), sys.argv[2]
def raw(fn):
    return re.search(r'r#"(.*?)"#', src[src.index(f"pub fn {fn}("):], re.S).group(1)
for v, p, ns in (("1.1", "soap", "http://schemas.xmlsoap.org/soap/envelope/"),
                 ("1.2", "soap12", "http://www.w3.org/2003/05/soap-envelope")):
    for kind in ("request", "response"):
        want = raw(f"seed_{kind}").replace("{prefix}", p).replace("{ns}", ns)
        if open(f"{msgs}/{kind}-{v}.xml").read() != want:
            sys.exit(f"{msgs}/{kind}-{v}.xml differs from seed_{kind} in {sys.argv[1]}")
PY

stamp="$( { wsdl2h -V 2>&1; g++ --version | head -n1; cat "$ams_wsdl" "$var_wsdl" "$here"/typemap.dat \
  "$here"/*.cpp "$here"/*.h "$here/build.sh"; } | sha256sum | cut -d' ' -f1)"
bins=(gsoap-bench gsoap-bench-large gsoap-bench-large-mem gsoap-bench-server)
up_to_date=1
for b in "${bins[@]}"; do [ -x "$out/$b" ] || up_to_date=0; done
if [ $up_to_date = 1 ] && [ "$(cat "$out/inputs.sha256" 2>/dev/null)" = "$stamp" ]; then
  echo "gsoap bench peer up to date in $out"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/gen/ams" "$out/gen/var" "$out/obj"
generate() { # DIR WSDL: wsdl2h (-N: one proxy/service class per binding) + soapcpp2 -j
  (cd "$1" && wsdl2h -Nsvc -t "$here/typemap.dat" -o service.h "$2" >wsdl2h.log 2>&1 \
    && soapcpp2 -j -x -w -L -I/usr/share/gsoap/import service.h >soapcpp2.log 2>&1) \
    || { cat "$1"/*.log >&2; exit 1; }
}
generate "$out/gen/ams" "$ams_wsdl"
generate "$out/gen/var" "$var_wsdl"

# The flags must match the ones libgsoap++ was built with (they change struct soap's layout).
gsoap_cflags="$(pkg-config --cflags gsoap++ 2>/dev/null || echo -DWITH_IPV6 -DWITH_DOM)"
gsoap_libs="$(pkg-config --libs gsoap++ 2>/dev/null || echo -lgsoap++)"
# -O2 as the reference figures; WITH_DEFAULT_VIRTUAL: unimplemented operations of the service
# class answer SOAP_NO_METHOD (a Client/Sender fault) instead of failing to link.
cxx=(g++ -O2 -std=c++17 -DWITH_DEFAULT_VIRTUAL $gsoap_cflags -I"$here"
     "-DBENCH_MESSAGES_DIR=\"$here/messages\"")
# OBJECT GENDIR SOURCE [FLAGS...]
jobs=(
  "ams-soapC ams $out/gen/ams/soapC.cpp"
  "ams-proxy ams $out/gen/ams/soapAccountManagementServiceSoapProxy.cpp"
  "ams-service ams $out/gen/ams/soapAccountManagementServiceSoapService.cpp"
  "var-soapC var $out/gen/var/soapC.cpp"
  "var-proxy var $out/gen/var/soapAccountManagementServiceSoapProxy.cpp"
  "bench ams $here/bench.cpp"
  "server ams $here/server.cpp"
  "large var $here/large.cpp"
  "large-mem var $here/large.cpp -DCOUNT_HEAP"
)
pids=()  # two compilers at a time (two cores)
for job in "${jobs[@]}"; do
  set -- $job
  obj="$1" gen="$2" src="$3"; shift 3
  "${cxx[@]}" -I"$out/gen/$gen" "$@" -c "$src" -o "$out/obj/$obj.o" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

o="$out/obj"
"${cxx[@]}" -o "$out/gsoap-bench" "$o/bench.o" "$o/ams-soapC.o" "$o/ams-proxy.o" $gsoap_libs
"${cxx[@]}" -o "$out/gsoap-bench-server" "$o/server.o" "$o/ams-soapC.o" "$o/ams-service.o" $gsoap_libs
"${cxx[@]}" -o "$out/gsoap-bench-large" "$o/large.o" "$o/var-soapC.o" "$o/var-proxy.o" $gsoap_libs
"${cxx[@]}" -o "$out/gsoap-bench-large-mem" "$o/large-mem.o" "$o/var-soapC.o" "$o/var-proxy.o" $gsoap_libs

echo "$stamp" >"$out/inputs.sha256"
echo "gsoap bench peer built in $out (gSOAP $(wsdl2h -V 2>&1 | head -n1))"
