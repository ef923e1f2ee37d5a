#!/usr/bin/env python3
"""stdin -> stdout, one line per line, through hazm's or shekar's normalizer (for zwnj_eval.py --cmd).

hazm: `hazm.Normalizer().normalize` with its defaults (hazm 0.10.0: every step on, including its ZWNJ steps
`correct_spacing` and `seperate_mi`). shekar >= 1.0: `shekar.Normalizer()` with its default steps, which include
`SpacingNormalizer` (orthographic, punctuation, word and verbal spacing: its ZWNJ restoration). shekar 0.1.x
has no ZWNJ step; the wrapper refuses it rather than report a meaningless score.
"""
import importlib.metadata
import sys


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "hazm":
        from hazm import Normalizer
        f = Normalizer().normalize
    elif which == "shekar":
        version = importlib.metadata.version("shekar")
        if int(version.split(".")[0]) < 1:
            sys.exit(f"shekar {version} has no ZWNJ/spacing step; install shekar>=1.0 (compare_normalizers.sh pins 1.7.0)")
        from shekar import Normalizer
        f = Normalizer()
    else:
        sys.exit("usage: normalizer_wrapper.py hazm|shekar")
    for line in sys.stdin:
        line = line.rstrip("\n")
        try:
            out = f(line)
        except Exception:
            out = line
        sys.stdout.write(str(out).replace("\n", " ") + "\n")


if __name__ == "__main__":
    main()
