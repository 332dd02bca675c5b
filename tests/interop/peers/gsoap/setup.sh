#!/usr/bin/env bash
# Builds the gSOAP peer of the interop suite: one client and one server binary that cover the
# three contract WSDLs (ams, round4, faults), in target/interop/gsoap/ (never in the repository).
#
#   setup.sh [--wsdl-dir DIR]      DIR defaults to target/interop/wsdl
#
# wsdl2h reads the three WSDLs into one interface header; -N gives every WSDL binding its own
# service, so soapcpp2 -j emits one proxy class per binding (AccountManagementServiceSoap12Proxy,
# Round4XSDTestSoap12Proxy, SimpleDocLitBinding12Proxy for SOAP 1.2) and one service class per
# binding. The server uses the three SOAP 1.1 service classes only: gSOAP serves a request in the
# SOAP version of its envelope, and both bindings of a WSDL carry the same body elements.
# Rebuilds only when an input changed (content hash of the WSDLs, the glue and this script).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$root/target/interop/gsoap"
wsdl_dir="$root/target/interop/wsdl"

while [ $# -gt 0 ]; do
  case "$1" in
    --wsdl-dir) wsdl_dir="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: $0 [--wsdl-dir DIR]" >&2; exit 2 ;;
  esac
done
for w in ams round4 faults; do
  [ -f "$wsdl_dir/$w.wsdl" ] || { echo "$wsdl_dir/$w.wsdl: missing (run tests/interop/wsdl_variants.py)" >&2; exit 1; }
done

if ! command -v wsdl2h >/dev/null || ! command -v soapcpp2 >/dev/null || [ ! -f /usr/include/stdsoap2.h ]; then
  echo "installing gsoap + libgsoap-dev" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq gsoap libgsoap-dev >&2
fi

# Everything the binaries depend on, by content (wsdl_variants.py rewrites the WSDLs on every run).
stamp="$( { wsdl2h -V 2>&1; cat "$wsdl_dir"/{ams,round4,faults}.wsdl "$here"/typemap.dat "$here"/*.cpp "$here/setup.sh"; } | sha256sum | cut -d' ' -f1)"
if [ -x "$out/gsoap-client" ] && [ -x "$out/gsoap-server" ] && [ "$(cat "$out/inputs.sha256" 2>/dev/null)" = "$stamp" ]; then
  echo "gsoap peer up to date in $out"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out/gen" "$out/obj"
cd "$out/gen"

wsdl2h -d -Nsvc -t "$here/typemap.dat" -o interop.h "$wsdl_dir"/{ams,round4,faults}.wsdl >wsdl2h.log 2>&1 \
  || { cat wsdl2h.log >&2; exit 1; }

# Two patches to the interface header, each for a mapping that loses the difference between
# absent, empty and nil (see QUIRKS.md):
# - round4's ArrayOfString items are nillable, but wsdl2h maps them to std::vector<std::string>
#   (xsi:nil and "" both read as ""), and soapcpp2 never writes xsi:nil for a NULL item of a
#   vector. Each item becomes a simple-content class with an explicit xsi:nil attribute member:
#   __item NULL + xsi__nil true is written as <string xsi:nil="true"/>, and read back the same.
# - an element without a type (ASMX's <Op>Result) maps to _XML (a literal XML string), which
#   soapcpp2 always writes, as an empty element when NULL (and _XML* has no serializer). A DOM
#   pointer (xsd__anyType*, from wsdl2h -d) is left out when NULL.
sed -i '0,/^class r4__ArrayOfString$/ s//class r4x__NillableString { public: std::string* __item; @ bool* xsi__nil; };\n\n&/' interop.h
sed -i '/^class r4x\?__ArrayOfString$/,/^};/ s/std::vector<std::string *> *string /std::vector<r4x__NillableString> string /' interop.h
sed -i -E 's/^( +)_XML( +)([A-Za-z][A-Za-z_0-9]*)( +)0;/\1xsd__anyType*\2\3\40;/' interop.h
[ "$(grep -c 'std::vector<r4x__NillableString> string ' interop.h)" = 2 ] && grep -q 'xsd__anyType\* *AuthenticateResult ' interop.h \
  || { echo "interop.h patches did not apply: wsdl2h output changed" >&2; exit 1; }

soapcpp2 -j -x -w -L -I/usr/share/gsoap/import interop.h >soapcpp2.log 2>&1 \
  || { cat soapcpp2.log >&2; exit 1; }

# The flags must match the ones libgsoap++ was built with (they change struct soap's layout).
gsoap_cflags="$(pkg-config --cflags gsoap++ 2>/dev/null || echo -DWITH_IPV6 -DWITH_DOM)"
gsoap_libs="$(pkg-config --libs gsoap++ 2>/dev/null || echo -lgsoap++)"
# WITH_DEFAULT_VIRTUAL: service operations the server does not implement answer SOAP_NO_METHOD.
cxx=(g++ -O2 -std=c++17 -DWITH_DEFAULT_VIRTUAL $gsoap_cflags -I"$out/gen")

client_src=(soapC.cpp soapAccountManagementServiceSoapProxy.cpp soapAccountManagementServiceSoap12Proxy.cpp
            soapRound4XSDTestSoapProxy.cpp soapRound4XSDTestSoap12Proxy.cpp
            soapSimpleDocLitBindingProxy.cpp soapSimpleDocLitBinding12Proxy.cpp "$here/client.cpp")
server_src=(soapAccountManagementServiceSoapService.cpp soapRound4XSDTestSoapService.cpp
            soapSimpleDocLitBindingService.cpp "$here/server.cpp")
object() { echo "$out/obj/$(basename "${1%.cpp}").o"; }

# Two compilers at a time (two cores); soapC.cpp is the long one.
pids=()
for src in "${client_src[@]}" "${server_src[@]}"; do
  "${cxx[@]}" -c "$src" -o "$(object "$src")" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

client_obj=(); for src in "${client_src[@]}"; do client_obj+=("$(object "$src")"); done
server_obj=("$(object soapC.cpp)"); for src in "${server_src[@]}"; do server_obj+=("$(object "$src")"); done
"${cxx[@]}" -o "$out/gsoap-client" "${client_obj[@]}" $gsoap_libs
"${cxx[@]}" -o "$out/gsoap-server" "${server_obj[@]}" $gsoap_libs -pthread

echo "$stamp" >"$out/inputs.sha256"
echo "gsoap peer built in $out (gSOAP $(wsdl2h -V 2>&1 | head -n1))"
