#!/usr/bin/env python3
"""List ZWNJ errors of a normalizer on a gold file, grouped and counted (for the TUNING half only).

  python3 scripts/zwnj_errors.py --gold target/zwnj-split/perdt-dev.odd.txt --cmd target/release/examples/normalize [--mode glued|spaced]

Prints "gold -> predicted" segments ('|' = ZWNJ, '_' = space) with counts, FN/FP per segment.
"""
import argparse, collections, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools"))
from zwnj_eval import letters_and_gaps, run, ZWNJ

def render(letters, gaps, a, b):
    out = [letters[a]]
    for i in range(a, b):
        out.append({"none": "", "space": "_", "zwnj": "|"}[gaps[i]] + letters[i + 1])
    return "".join(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--mode", default="spaced")
    ap.add_argument("--top", type=int, default=400)
    a = ap.parse_args()
    gold = [l.rstrip("\n") for l in open(a.gold, encoding="utf-8") if l.strip()]
    corrupt = (lambda s: s.replace(ZWNJ, "")) if a.mode == "glued" else (lambda s: s.replace(ZWNJ, " "))
    pred, _ = run(a.cmd, [corrupt(l) for l in gold])
    errs = collections.Counter()
    for g, p in zip(gold, pred):
        gl, gg = letters_and_gaps(g)
        pl, pg = letters_and_gaps(p or "")
        if gl != pl:
            errs[("DAMAGE", g[:60], p[:60])] += 1
            continue
        bad = [i for i, (x, y) in enumerate(zip(gg, pg)) if (x == "zwnj") != (y == "zwnj")]
        seen = set()
        for i in bad:
            lo = i
            while lo > 0 and not (gg[lo - 1] == "space" and pg[lo - 1] == "space"):
                lo -= 1
            hi = i
            while hi < len(gg) and not (gg[hi] == "space" and pg[hi] == "space"):
                hi += 1
            if (lo, hi) in seen:
                continue
            seen.add((lo, hi))
            kind = "".join(sorted({"FN" if gg[j] == "zwnj" else "FP" for j in bad if lo <= j <= hi}))
            errs[(kind, render(gl, gg, lo, hi), render(pl, pg, lo, hi))] += 1
    for (k, g, p), c in errs.most_common(a.top):
        print(f"{c:3d} {k:4} {g}  ->  {p}")
    print(sum(errs.values()), "error segments", file=sys.stderr)

if __name__ == "__main__":
    main()
