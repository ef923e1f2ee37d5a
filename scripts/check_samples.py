#!/usr/bin/env python3
"""Compare `khabar process corpus/sample` with corpus/sample-expected.tsv (a dev aid; the
same check runs as a Rust test in crates/khabar-cli/tests/samples.rs)."""
import csv, json, subprocess, sys, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bin_ = os.path.join(root, "target/release/khabar")
exp = list(csv.DictReader(open(os.path.join(root, "corpus/sample-expected.tsv"), encoding="utf-8"), delimiter="\t"))
out = subprocess.run([bin_, "process", os.path.join(root, "corpus/sample")], capture_output=True, text=True).stdout
recs = {os.path.basename(r["source"]): r for r in map(json.loads, out.splitlines())}
Z = "\u200c"
def f(s): return " ".join((s or "").replace(Z, "").replace("ي", "ی").replace("ك", "ک").split())
bad = 0
for e in exp:
    r = recs.get(e["file"])
    if r is None:
        print(e["file"], "NO RECORD"); bad += 1; continue
    checks = {
        "agency": ((r.get("agency") or {}).get("id") or "", e["agency_id"]),
        "origin": ((r.get("agency_origin") or {}).get("id") or "", e["origin_agency_id"]),
        "news_id": (r.get("news_id") or "", e["news_id"]),
        "jalali": (r.get("published_jalali") or "", e["published_jalali"]),
        "kicker": (f(r.get("kicker")), f(e["kicker"])),
        "title": (f(r.get("title")), f(e["title"])),
        "lead": (f(r.get("lead"))[:len(f(e["lead_first5"]))], f(e["lead_first5"])),
        "body_end": (f(r.get("body"))[-len(f(e["body_last5"])):] if e["body_last5"] else "", f(e["body_last5"])),
    }
    for k, (got, want) in checks.items():
        if got != want:
            bad += 1
            print(f"{e['file']}: {k}: got {got!r} want {want!r}")
print(f"{bad} mismatches")
