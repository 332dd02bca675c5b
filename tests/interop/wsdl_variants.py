#!/usr/bin/env python3
"""Writes the interop suite's three WSDLs into OUT_DIR, each with a SOAP 1.1 and a SOAP 1.2 binding.

The corpus WSDLs keep their own licences, so they are read in place and the derived copies go to
the build directory (never into the repository). The two SOAPBuilders WSDLs only declare SOAP 1.1;
to test SOAP 1.2 with every peer, each gets a twin binding (the same operations under the
`http://schemas.xmlsoap.org/wsdl/soap12/` extension namespace) and a second port. The transform
is textual on purpose: an XML round trip through ElementTree would rename the prefixes that
QName-valued attributes (`type="s1:SOAPComplexType"`) depend on.

Usage: wsdl_variants.py REPO_DIR CORPUS_DIR OUT_DIR
"""
import pathlib
import re
import sys

SOAP12_NS = "http://schemas.xmlsoap.org/wsdl/soap12/"


def add_soap12_twin(text: str, address: str) -> str:
    binding = re.search(r"<binding\s+name=\"([^\"]+)\"\s+type=\"([^\"]+)\">.*?</binding>", text, re.S)
    if binding is None:
        raise SystemExit("no <binding> found")
    name = binding.group(1)
    twin = binding.group(0).replace(f'name="{name}"', f'name="{name}12"', 1)
    twin = re.sub(r"<(/?)soap:", r"<\1soap12:", twin)
    text = text[: binding.end()] + "\n  " + twin + text[binding.end():]

    tns_prefix = re.search(r"<port\s+name=\"[^\"]+\"\s+binding=\"([^:\"]+):", text).group(1)
    port = (
        f'<port name="{name}12" binding="{tns_prefix}:{name}12">'
        f'<soap12:address location="{address}" /></port>\n  </service>'
    )
    text = text.replace("</service>", port, 1)
    root = re.search(r"<definitions\b", text)
    return text[: root.end()] + f' xmlns:soap12="{SOAP12_NS}"' + text[root.end():]


def main() -> None:
    repo, corpus, out = (pathlib.Path(p) for p in sys.argv[1:4])
    out.mkdir(parents=True, exist_ok=True)
    (out / "ams.wsdl").write_text((repo / "wsdl/AccountManagementService.wsdl").read_text("utf-8"), "utf-8")
    interop4 = corpus / "soapbuilders-interop/interop4"
    sources = {
        "round4.wsdl": interop4 / "groupi/round4XSD.wsdl",
        "faults.wsdl": interop4 / "groupH/simpleDocLit/simple-doc-literal.wsdl",
    }
    for target, source in sources.items():
        if not source.is_file():
            raise SystemExit(f"{source}: missing (the interop suite reads ../shared/wsdl-corpus in place)")
        text = source.read_text("utf-8")
        # The Microsoft original comments out its address; the live one points at an Axis server.
        (out / target).write_text(add_soap12_twin(text, "http://localhost:8080/"), "utf-8")
    print(f"interop WSDLs written to {out}")


if __name__ == "__main__":
    main()
