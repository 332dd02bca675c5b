"""zeep's side of the in-memory seed benchmark: what a zeep 4.3.3 client does per call,
without the network, for the SOAP 1.1 (AccountManagementServiceSoap) and 1.2
(AccountManagementServiceSoap12) bindings of wsdl/AccountManagementService.wsdl.

  target/interop/venv/bin/python tests/bench/peers/zeep_bench.py [--quick]

- encode_request: client.create_message() (the envelope zeep's binding builds, AuthHeader in
  _soapheaders) plus etree_to_string(), the serialisation Transport.post_xml() applies before
  posting: the request as bytes, like the Rust and gSOAP encoders produce.
- decode_response / decode_fault: SoapBinding.process_reply(), the method a zeep call hands the
  HTTP response to, on a requests.Response built in memory (status, Content-Type, body). It
  parses the XML, applies the (empty) plugin chain, finds a Fault or deserialises the output.
  The fault is a Client/Sender fault: process_reply raises zeep.exceptions.Fault.

Decode inputs are the exact texts the Rust bench decodes (gsoap/messages/*.xml, checked against
tests/bench/src/lib.rs by gsoap/build.sh). Each figure: median of 5 timeit runs of >= 0.5 s.
Prints `BENCH zeep <name> <ns> ns` lines.
"""

import os
import statistics
import sys
import timeit

import requests
from requests.structures import CaseInsensitiveDict
from zeep import Client
from zeep.exceptions import Fault
from zeep.wsdl.utils import etree_to_string

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
MESSAGES = os.path.join(ROOT, "tests", "bench", "peers", "gsoap", "messages")
ENV = {"1.1": "http://schemas.xmlsoap.org/soap/envelope/", "1.2": "http://www.w3.org/2003/05/soap-envelope"}
CONTENT_TYPE = {"1.1": "text/xml; charset=utf-8", "1.2": "application/soap+xml; charset=utf-8"}
BINDING = {"1.1": "{sosonlinebackup.com}AccountManagementServiceSoap",
           "1.2": "{sosonlinebackup.com}AccountManagementServiceSoap12"}
AUTH = {"AuthHeader": {"UserName": "partner-api", "Password": "s3cr3t-Passw0rd"}}
REQUEST = {"Username": "jane.doe", "Email": "jane.doe@example.com", "SendEmailToCustomer": True}
MIN_RUN_S = 0.05 if "--quick" in sys.argv[1:] else 0.5


def median_ns(f):
    """Warm up and calibrate (autorange: >= 0.2 s), then 5 runs of >= MIN_RUN_S each."""
    timer = timeit.Timer(f)
    number, took = timer.autorange()
    number = max(1, int(number * MIN_RUN_S / took * 1.05))
    return statistics.median(t / number * 1e9 for t in timer.repeat(repeat=5, number=number))


def fake_response(version, body):
    """The requests.Response the HTTP transport would return for `body`."""
    r = requests.Response()
    r.status_code = 200 if b"Fault>" not in body else (500 if version == "1.1" else 400)
    r.headers = CaseInsensitiveDict({"Content-Type": CONTENT_TYPE[version]})
    r._content = body
    r.encoding = "utf-8"
    return r


def read(name):
    with open(os.path.join(MESSAGES, name), "rb") as f:
        return f.read()


def main():
    client = Client(os.path.join(ROOT, "wsdl", "AccountManagementService.wsdl"))
    for version, label in (("1.1", "soap11"), ("1.2", "soap12")):
        # No network: the address is never contacted.
        service = client.create_service(BINDING[version], "http://127.0.0.1:9/ams")
        binding = service._binding
        operation = binding.get("ChangeBackupAccountEmail")

        def encode_request():
            envelope = client.create_message(service, "ChangeBackupAccountEmail",
                                             request=REQUEST, _soapheaders=AUTH)
            return etree_to_string(envelope)

        response = fake_response(version, read(f"response-{version}.xml"))
        fault = fake_response(version, read(f"fault-{version}.xml"))

        def decode_response():
            return binding.process_reply(client, operation, response)

        def decode_fault():
            try:
                binding.process_reply(client, operation, fault)
            except Fault as f:
                return f
            raise AssertionError("no Fault raised")

        # Every figure must time the real path: check each result once first.
        sent = encode_request()
        for needle in (f'"{ENV[version]}"', ">partner-api<", ">s3cr3t-Passw0rd<", ">jane.doe<",
                       ">jane.doe@example.com<", ">true<"):
            assert needle.encode() in sent, f"{label} encode_request lacks {needle}: {sent!r}"
        print(f"[{label} encode_request, {len(sent)} bytes] {sent.decode()}", file=sys.stderr)
        # zeep unwraps twice (the wrapper's one child, then that type's one child): the value
        # is the untyped <Result />, which zeep reads as None when empty. So None alone proves
        # nothing: the same call on the seed with <Result>x</Result> must give "x".
        result = decode_response()
        probe = fake_response(version, read(f"response-{version}.xml").replace(b"<Result />", b"<Result>x</Result>"))
        probed = binding.process_reply(client, operation, probe)
        assert result is None and probed == "x", f"{label} decode_response gave {result!r} / {probed!r}"
        f = decode_fault()
        assert f.message == "Invalid AuthHeader credentials", f"{label} fault message {f.message!r}"
        assert f.code == ("soap:Client" if version == "1.1" else "soap12:Sender"), f"code {f.code!r}"
        assert f.detail is not None and f.detail[0].text == "bad password", "fault detail"

        for name, fn in (("encode_request", encode_request), ("decode_response", decode_response),
                         ("decode_fault", decode_fault)):
            print(f"BENCH\tzeep\tseed/{label}/{name}\t{median_ns(fn):.0f}\tns", flush=True)


if __name__ == "__main__":
    main()
