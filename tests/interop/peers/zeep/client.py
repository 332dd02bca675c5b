"""zeep client for the interop contract (tests/interop/CONTRACT.md).

Runs every case against BASE/ams, BASE/round4 and BASE/faults through the binding of the requested
SOAP version and prints one RESULT line per case. The checks use zeep's typed results; where zeep
cannot represent what the contract asks (it reads an empty element as None, so "" and nil and
absent look alike), the case also reads the raw response that zeep parsed (HistoryPlugin).
See QUIRKS.md.
"""

import argparse
import datetime
import decimal
import os
import traceback

from lxml import etree
from zeep import Client, xsd
from zeep.exceptions import Fault
from zeep.plugins import HistoryPlugin

PEER = "zeep"
DIRECTION = "peer-client->soapgen-server"
ENV = {"1.1": "http://schemas.xmlsoap.org/soap/envelope/", "1.2": "http://www.w3.org/2003/05/soap-envelope"}
PART_NS = "http://soapinterop.org/types/part"
R4_XSD = "http://soapinterop.org/xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

BINDINGS = {
    "ams": ("{sosonlinebackup.com}AccountManagementServiceSoap", "{sosonlinebackup.com}AccountManagementServiceSoap12"),
    "round4": ("{http://soapinterop.org/}Round4XSDTestSoap", "{http://soapinterop.org/}Round4XSDTestSoap12"),
    "faults": ("{http://soapinterop.org/wsdl}SimpleDocLitBinding", "{http://soapinterop.org/wsdl}SimpleDocLitBinding12"),
}


# wsdl id -> {case id: function(ctx)}, in contract order.
CASES = {"ams": {}, "round4": {}, "faults": {}}


def case(cid):
    def register(f):
        CASES[cid.split(".")[0]][cid] = f
        return f

    return register


class Mismatch(Exception):
    pass


def eq(got, want, what):
    if got != want:
        raise Mismatch(f"{what}: expected {want!r}, got {got!r}")


class Ctx:
    """One WSDL's client, service proxy and the raw-envelope history for the current case."""

    def __init__(self, wsdl_dir, wsdl, soap, base):
        self.soap, self.env = soap, ENV[soap]
        self.history = HistoryPlugin()
        self.client = Client(os.path.join(wsdl_dir, f"{wsdl}.wsdl"), plugins=[self.history])
        binding = BINDINGS[wsdl][1 if soap == "1.2" else 0]
        self.service = self.client.create_service(binding, f"{base.rstrip('/')}/{wsdl}")

    def body_child(self):
        """The first element inside the raw response's soap Body."""
        body = self.history.last_received["envelope"].find(f"{{{self.env}}}Body")
        return body[0] if body is not None and len(body) else None

    def expect_fault(self, call, code, text, detail=None):
        """Runs call(), expects zeep to raise Fault, checks code, text and detail."""
        try:
            call()
        except Fault as f:
            fault = f
        else:
            raise Mismatch("expected a fault, got a normal response")
        want = code if self.soap == "1.1" else {"Client": "Sender", "Server": "Receiver"}[code]
        # zeep hands the code over as the raw "prefix:Local" text; resolve the prefix on the
        # element it came from in the raw response.
        prefix, _, local = (fault.code or "").rpartition(":")
        eq(local, want, "fault code")
        fault_node = self.body_child()
        code_node = fault_node.find("faultcode") if self.soap == "1.1" else fault_node.find(f"{{{self.env}}}Code/{{{self.env}}}Value")
        eq(code_node.nsmap.get(prefix or None), self.env, f"fault code {fault.code!r} namespace")
        eq(fault.message, text, "fault text")
        if detail is None:
            if fault.detail is not None:
                raise Mismatch(f"expected no detail, got {etree.tostring(fault.detail).decode()}")
            return
        if fault.detail is None or len(fault.detail) != 1:
            raise Mismatch(f"expected one detail entry, got {None if fault.detail is None else etree.tostring(fault.detail).decode()}")
        entry = fault.detail[0]
        eq(entry.tag, f"{{{PART_NS}}}{detail[0]}", "detail element")
        # zeep leaves the detail as XML: parse it with the WSDL's element declaration.
        value = self.client.get_element(entry.tag).parse(entry, self.client.wsdl.types)
        detail[1](value, entry)


def raw_children(node, local):
    return [c for c in node if etree.QName(c).localname == local] if node is not None else []


STRING = "  <&>\"' żółć 日本 𝄞\tend  "
UTC = datetime.timezone.utc
AUTH = {"AuthHeader": {"UserName": "admin", "Password": "secret"}}


@case("ams.strings")
def _(c):
    r = c.service.Authenticate(userName="a<b&c>\"d'e", password="żółć ✓ 日本 𝄞", _soapheaders=AUTH)
    eq(r.accountStatus, "Active", "accountStatus")
    eq(r.backupServerName, "=a<b&c>\"d'e|=żółć ✓ 日本 𝄞", "backupServerName")
    eq(raw_children(c.body_child(), "AuthenticateResult"), [], "AuthenticateResult (absent)")


@case("ams.empty-absent")
def _(c):
    eq(c.service.Authenticate(userName="", _soapheaders=AUTH).backupServerName, "=|-", "backupServerName")


@case("ams.long")
def _(c):
    for n in (-9223372036854775808, 9223372036854775807):
        eq(c.service.GetAccountUsedSpace(userName=str(n), _soapheaders=AUTH).usedSpaceInKB, n, "usedSpaceInKB")


@case("ams.bad-auth")
def _(c):
    bad = {"AuthHeader": {"UserName": "admin", "Password": "wrong"}}
    c.expect_fault(lambda: c.service.Authenticate(userName="x", password="y", _soapheaders=bad),
                   "Client", "Invalid AuthHeader credentials")


@case("ams.not-a-number")
def _(c):
    c.expect_fault(lambda: c.service.GetAccountUsedSpace(userName="12ab", _soapheaders=AUTH),
                   "Client", "userName is not a number")


def raw_return(c):
    """The raw <return> elements of the last response (zeep reads <return/> as None)."""
    return raw_children(c.body_child(), "return")


@case("round4.string")
def _(c):
    eq(c.service.echoString(inputString=STRING), STRING, "return")


@case("round4.string-empty")
def _(c):
    got = c.service.echoString(inputString="")
    # zeep: <return/> and no <return> both give None; the raw response tells them apart.
    eq(got in ("", None), True, f"return (got {got!r})")
    eq([r.text or "" for r in raw_return(c)], [""], "raw <return> (present and empty)")


@case("round4.string-absent")
def _(c):
    eq(c.service.echoString(), None, "return")
    eq(raw_return(c), [], "raw <return> (absent)")


@case("round4.int")
def _(c):
    for n in (-2147483648, 2147483647):
        eq(c.service.echoInteger(inputInteger=n), n, "return")


@case("round4.float")
def _(c):
    for f in (-1.5, 123456.75):
        eq(c.service.echoFloat(inputFloat=f), f, "return")


@case("round4.decimal")
def _(c):
    d = decimal.Decimal("-12345678901234567890.123456789")
    eq(c.service.echoDecimal(inputDecimal=d), d, "return")


@case("round4.bool")
def _(c):
    for b in (True, False):
        eq(c.service.echoBoolean(inputBoolean=b), b, "return")


def same_instant(c, sent):
    got = c.service.echoDate(inputDate=sent)
    eq(got.tzinfo is not None, True, f"return has a zone ({got!r})")
    eq(got, sent, "return instant")  # aware datetimes compare as instants


@case("round4.date-utc")
def _(c):
    same_instant(c, datetime.datetime(2026, 11, 27, 9, 30, 15, 125000, tzinfo=UTC))


@case("round4.date-offset")
def _(c):
    same_instant(c, datetime.datetime(2026, 11, 27, 9, 30, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))))


@case("round4.date-local")
def _(c):
    sent = datetime.datetime(2026, 11, 27, 9, 30, 15)  # naive: zeep writes it without a zone
    got = c.service.echoDate(inputDate=sent)
    eq(got, sent, "return")
    eq(got.tzinfo, None, "return zone")


@case("round4.base64")
def _(c):
    data = bytes(range(256))
    eq(c.service.echoBase64(inputBase64=data), data, "return")


@case("round4.hex")
def _(c):
    # zeep's hexBinary is a plain str both ways (no encoding/decoding): the glue does it.
    data = bytes([0x00, 0xFF, 0x10, 0xAB])
    got = c.service.echoHexBinary(inputHexBinary=data.hex().upper())
    eq(bytes.fromhex(got or ""), data, "return bytes")


@case("round4.enum")
def _(c):
    eq(c.service.echoEnum(inputEnum="BitThree"), "BitThree", "return")


@case("round4.struct")
def _(c):
    r = c.service.echoComplexType(inputComplexType={"varInt": -42, "varString": "x<&>y", "varFloat": 0.5})
    eq((r.varInt, r.varString, r.varFloat), (-42, "x<&>y", 0.5), "return")


@case("round4.nested")
def _(c):
    inner = {"varInt": 2, "varString": "inner", "varFloat": 2.5}
    r = c.service.echoNestedComplexType(inputComplexType={"varString": "outer", "varInt": 1, "varFloat": 1.5, "varComplexType": inner})
    eq((r.varString, r.varInt, r.varFloat), ("outer", 1, 1.5), "return")
    v = r.varComplexType
    eq((v.varInt, v.varString, v.varFloat), (2, "inner", 2.5), "return.varComplexType")


@case("round4.nil")
def _(c):
    # zeep writes xsi:nil only for xsd.Nil (a None item is skipped); it reads nil and "" both as
    # None, so the raw items decide nil versus empty.
    r = c.service.echoNestedMultiOccurs(inputComplexType={"varInt": 7, "varFloat": 2.5, "varMultiOccurs": {"string": ["a", xsd.Nil, "", "ü"]}})
    eq((r.varString, r.varInt, r.varFloat), (None, 7, 2.5), "return")
    eq(r.varMultiOccurs.string, ["a", None, None, "ü"], "return.varMultiOccurs (zeep view)")
    ret = raw_return(c)[0]
    eq(raw_children(ret, "varString"), [], "raw varString (absent)")
    items = [(i.get(f"{{{XSI}}}nil") in ("true", "1"), i.text or "") for i in ret.iter(f"{{{R4_XSD}}}string")]
    eq(items, [(False, "a"), (True, ""), (False, ""), (False, "ü")], "raw items (nil?, text)")


@case("round4.long-array")
def _(c):
    a = [i * 7919 - 5000000 for i in range(10000)]
    eq(c.service.echoIntegerMultiOccurs(inputIntegerMultiOccurs={"int": a}), a, "return")


@case("round4.string-array")
def _(c):
    got = c.service.echoStringMultiOccurs(inputStringMultiOccurs={"string": ["x", "", "<&>"]})
    eq(got, ["x", None, "<&>"], "return (zeep view, '' reads as None)")
    raw = raw_return(c)
    eq([(r.get(f"{{{XSI}}}nil"), r.text or "") for r in raw], [(None, "x"), (None, ""), (None, "<&>")], "raw <return> items")


@case("round4.choice")
def _(c):
    r = c.service.echoChoice(inputChoice={"name1": "picked"})
    eq((r.name0, r.name1), (None, "picked"), "return")


@case("round4.void")
def _(c):
    eq(c.service.echoVoid(), None, "return")
    child = c.body_child()
    eq(None if child is None else etree.QName(child).localname, "echoVoidResponse", "body")


@case("faults.string")
def _(c):
    msg = "boom <&> ü"

    def check(value, _entry):
        eq(value, msg, "detail StringPart")

    c.expect_fault(lambda: c.service.echoStringFault(msg), "Server", "Fault in response to 'echoStringFault'.", ("StringPart", check))


@case("faults.int-array")
def _(c):
    a = [1, -2, 2147483647]

    def check(value, entry):
        eq(value.value, a, "detail ArrayOfIntPart values")
        eq([i.tag for i in entry], ["value"] * 3, "detail items (unqualified)")

    c.expect_fault(lambda: c.service.echoIntArrayFault(value=a), "Server", "Fault in response to 'echoIntArrayFault'.", ("ArrayOfIntPart", check))


@case("faults.empty")
def _(c):
    def check(_value, entry):
        eq((len(entry), (entry.text or "").strip()), (0, ""), "detail EmptyPart content")

    c.expect_fault(lambda: c.service.echoEmptyFault(), "Server", "Fault in response to 'echoEmptyFault'.", ("EmptyPart", check))


def report(soap, wsdl, case, ok, detail="-"):
    detail = " ".join(str(detail).split()) or "-"
    print("\t".join(["RESULT", PEER, DIRECTION, wsdl, soap, case, "PASS" if ok else "FAIL", detail]), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--soap", choices=["1.1", "1.2"], required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--wsdl-dir", required=True)
    args = ap.parse_args()
    for wsdl, cases in CASES.items():
        try:
            ctx = Ctx(args.wsdl_dir, wsdl, args.soap, args.base)
        except Exception as e:  # a WSDL zeep cannot load fails its cases, not the run
            for cid in cases:
                report(args.soap, wsdl, cid, False, f"client setup: {type(e).__name__}: {e}")
            continue
        for cid, run in cases.items():
            try:
                run(ctx)
                report(args.soap, wsdl, cid, True)
            except Mismatch as e:
                report(args.soap, wsdl, cid, False, e)
            except Exception as e:  # zeep errors (transport, parsing, unexpected Fault) are results too
                where = traceback.extract_tb(e.__traceback__)[-1]
                report(args.soap, wsdl, cid, False, f"{type(e).__name__}: {e} (at {os.path.basename(where.filename)}:{where.lineno})")


if __name__ == "__main__":
    main()
