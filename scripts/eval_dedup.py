#!/usr/bin/env python3
"""Precision and recall of near-duplicate pair detection (`cluster` of `khabar process`).

Builds a labelled set at evaluation time (nothing from ../shared is copied into the repository):
real texts from ../shared (the seeds and the pn-summary sample) and the project's own sample
corpus, each with three lightly edited copies as a republishing outlet would make them:
  a) re-headlined (the first sentence of the body as headline) and the agency line changed;
  b) one body paragraph dropped, ZWNJ removed, Arabic ي/ك, a chrome line added;
  c) two middle paragraphs dropped, a "به نقل از" line, different chrome.
Copies of one text are positive pairs; every other pair is negative, including articles on the
same topic (the two Shana oil stories; the samples' several Araghchi meetings and condemnations),
except samples 03 and 04, which are one story (corpus/README.md).
Runs the binary over the set as JSON Lines for several thresholds and prints pair P/R/F1.

    python3 scripts/eval_dedup.py [--bin target/release/khabar] [--shared ../shared]
"""
import argparse, csv, itertools, json, os, random, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/khabar")
ap.add_argument("--shared", default="../shared")
ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
args = ap.parse_args()
rng = random.Random(7)

def paras(t):
    return [p.strip() for p in t.replace("\r", "").split("\n") if p.strip()]

originals = []  # (group, paragraphs)
seeds = os.path.join(args.shared, "corpus/seeds")
for f in sorted(os.listdir(seeds)):
    originals.append(("seed-" + f[:3], paras(open(os.path.join(seeds, f), encoding="utf-8").read())))
csv.field_size_limit(10**8)
with open(os.path.join(args.shared, "data/pn-summary-sample/test.csv"), encoding="utf-8") as fh:
    for row in csv.DictReader(fh, delimiter="\t"):
        body = [p.strip() for p in row["article"].split("[n]") if p.strip()]
        originals.append(("pn-" + row["id"][:6], [row["title"]] + body))
sample_dir = "corpus/sample"
for f in sorted(os.listdir(sample_dir)):
    group = "sample-03" if f.startswith(("sample-03", "sample-04")) else f[:9]
    originals.append((group, paras(open(os.path.join(sample_dir, f), encoding="utf-8").read())))

AGENCIES = ["ایسنا", "ایرنا", "خبرگزاری فارس", "خبرآنلاین", "عصر ایران", "باشگاه خبرنگاران جوان"]

def variant(ps, kind):
    ps = list(ps)
    head, body = ps[:1], ps[1:]
    if kind == "a":
        first = body[0].split(".")[0][:120] if body else "خبر"
        ag = rng.choice(AGENCIES)
        body = [b.replace("به گزارش", "به گزارش " + ag + " به نقل از", 1) for b in body]
        return [first] + body
    if kind == "b":
        if len(body) > 2:
            del body[rng.randrange(1, len(body))]
        out = [p.replace("\u200c", "").replace("ی", "ي").replace("ک", "ك") for p in head + body]
        return out + ["انتهای پیام", "کد خبر: " + str(rng.randrange(10**6, 10**7))]
    if kind == "c":
        # Two paragraphs dropped from the middle (never the last lines, where pages keep
        # their end-of-article chrome), a "به نقل از" line, other chrome around.
        for _ in range(2):
            if len(body) > 5:
                del body[rng.randrange(1, len(body) - 3)]
        return ["صفحه اصلی > سیاسی"] + head + ["به نقل از " + rng.choice(AGENCIES)] + body + ["اشتراک گذاری", "نظرات کاربران"]

docs = []  # (group, text)
for g, ps in originals:
    docs.append((g, "\n\n".join(ps)))
    for k in "abc":
        docs.append((g, "\n\n".join(variant(ps, k))))

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "set.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for i, (g, t) in enumerate(docs):
            fh.write(json.dumps({"text": t, "url": "https://eval.invalid/%d" % i}, ensure_ascii=False) + "\n")
    print("%d documents from %d originals; %d positive and %d negative pairs" % (
        len(docs), len(originals),
        sum(1 for a, b in itertools.combinations(docs, 2) if a[0] == b[0]),
        sum(1 for a, b in itertools.combinations(docs, 2) if a[0] != b[0])))
    print("threshold\tTP\tFP\tFN\tprecision\trecall\tF1")
    for th in args.thresholds.split(","):
        out = subprocess.run([args.bin, "process", "--dedup-threshold", th, path], capture_output=True, text=True)
        recs = [json.loads(l) for l in out.stdout.splitlines()]
        if len(recs) != len(docs):
            sys.exit("only %d of %d documents processed:\n%s" % (len(recs), len(docs), out.stderr[-2000:]))
        cl = [r["cluster"] for r in recs]
        tp = fp = fn = 0
        for (i, a), (j, b) in itertools.combinations(enumerate(docs), 2):
            same, pred = a[0] == b[0], cl[i] == cl[j]
            tp += same and pred
            fp += (not same) and pred
            fn += same and not pred
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print("%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f" % (th, tp, fp, fn, p, r, f))
