#!/usr/bin/env python3
"""Split a gold sentence file into its odd and even lines (1-based, blank lines skipped as zwnj_eval.py does).

  python3 scripts/zwnj_split.py ../shared/data/ud-perdt-dev/sentences.txt target/zwnj-split/perdt-dev

writes PREFIX.odd.txt (lines 1, 3, 5, ...: the tuning half, whose errors may be looked at) and PREFIX.even.txt
(lines 2, 4, 6, ...: held out, only scored). See crates/khabar-normalize/NOTES.md, "Evaluation protocol".
"""
import os, sys

def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, prefix = sys.argv[1], sys.argv[2]
    lines = [l.rstrip("\n") for l in open(src, encoding="utf-8") if l.strip()]
    os.makedirs(os.path.dirname(prefix) or ".", exist_ok=True)
    for name, part in (("odd", lines[0::2]), ("even", lines[1::2])):
        with open(f"{prefix}.{name}.txt", "w", encoding="utf-8") as f:
            f.write("".join(l + "\n" for l in part))
        print(f"{prefix}.{name}.txt: {len(part)} lines")

if __name__ == "__main__":
    main()
