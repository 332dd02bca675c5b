#!/usr/bin/env python3
"""Builds the interop matrix from the RESULT lines of the clients and the WIRE lines of the proxies.

Usage: matrix.py RESULTS WIRE_LOG --peers "zeep node-soap gsoap" [--markdown OUT]

Exits 1 when a case fails or is missing, when a message of ours breaks a wire rule, or when a
row saw no exchange at all. A peer's own wire mistakes are listed as quirks, not failures.
"""
import argparse
import collections
import sys

CASES = {
    "ams": ["ams.strings", "ams.empty-absent", "ams.long", "ams.bad-auth", "ams.not-a-number"],
    "round4": [
        "round4.string", "round4.string-empty", "round4.string-absent", "round4.int", "round4.float",
        "round4.decimal", "round4.bool", "round4.date-utc", "round4.date-offset", "round4.date-local",
        "round4.base64", "round4.hex", "round4.enum", "round4.struct", "round4.nested", "round4.nil",
        "round4.long-array", "round4.string-array", "round4.choice", "round4.void",
    ],
    "faults": ["faults.string", "faults.int-array", "faults.empty"],
}
SERVERS = {"node-soap", "gsoap"}  # peers with a server; zeep is a client only
TO_OURS = "peer-client->soapgen-server"
TO_PEER = "soapgen-client->peer-server"


def read_lines(path, tag):
    try:
        with open(path, encoding="utf-8") as f:
            return [l.rstrip("\n").split("\t") for l in f if l.startswith(tag + "\t")]
    except FileNotFoundError:
        return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("wire")
    ap.add_argument("--peers", required=True)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    peers = args.peers.split()

    results = {}
    for _, peer, direction, wsdl, soap, case, verdict, detail in read_lines(args.results, "RESULT"):
        results[(peer, direction, soap, case)] = (verdict, detail)
    wire = collections.defaultdict(lambda: {"ours": [0, []], "peer": [0, []]})
    for _, peer, direction, wsdl, soap, message, sender, verdict, detail in read_lines(args.wire, "WIRE"):
        cell = wire[(peer, direction, soap)][sender]
        cell[0] += 1
        if verdict != "PASS":
            cell[1].append(f"{wsdl} {message}: {detail}")

    rows, failures, quirks = [], [], collections.OrderedDict()
    for peer in peers:
        directions = [TO_OURS] + ([TO_PEER] if peer in SERVERS else [])
        for direction in directions:
            for soap in ("1.1", "1.2"):
                row = [peer, direction, soap]
                for wsdl, cases in CASES.items():
                    passed = 0
                    for case in cases:
                        verdict, detail = results.get((peer, direction, soap, case), ("MISSING", "no result line"))
                        if verdict == "PASS":
                            passed += 1
                        else:
                            failures.append(f"{peer} {direction} SOAP {soap} {case}: {verdict} {detail}")
                    row.append(f"{passed}/{len(cases)}")
                cell = wire[(peer, direction, soap)]
                seen, ours_broken = cell["ours"]
                if seen == 0:
                    failures.append(f"{peer} {direction} SOAP {soap}: the proxy saw no message of ours")
                for b in ours_broken:
                    failures.append(f"{peer} {direction} SOAP {soap} wire, our message: {b}")
                row.append(f"{seen - len(ours_broken)}/{seen}")
                peer_seen, peer_broken = cell["peer"]
                row.append(f"{peer_seen - len(peer_broken)}/{peer_seen}")
                for b in peer_broken:
                    quirks.setdefault(f"{peer} ({direction}, SOAP {soap}): {b.split(': ', 1)[-1]}", None)
                rows.append(row)

    header = ["peer", "direction", "SOAP", "ams", "round4", "faults", "wire: ours ok", "wire: peer ok"]
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths))
    print()
    print("== interop matrix (cases passed / cases; wire = messages that follow every rule)")
    print(fmt(header))
    for r in rows:
        print(fmt(r))
    if quirks:
        print("\n-- peer messages that break a wire rule (quirks, not failures):")
        for q in quirks:
            print("  " + q)
    if failures:
        print("\n-- FAILURES:")
        for f in failures:
            print("  " + f)
    total = sum(len(c) for c in CASES.values()) * len(rows)
    print(f"\ninterop: {total - sum(1 for f in failures if ' wire' not in f)} of {total} case cells passed, "
          f"{len(failures)} failure(s), {len(quirks)} peer quirk(s)")

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write("| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n")
            for r in rows:
                out.write("| " + " | ".join(str(c) for c in r) + " |\n")
            if quirks:
                out.write("\nPeer messages that break a wire rule:\n\n")
                for q in quirks:
                    out.write(f"- {q}\n")
            if failures:
                out.write("\nFailures:\n\n")
                for f in failures:
                    out.write(f"- {f}\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
