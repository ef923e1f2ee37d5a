#!/usr/bin/env python3
"""stdin -> stdout, one line per line, through hazm's or shekar's normalizer (for zwnj_eval.py --cmd)."""
import sys

def main():
    which = sys.argv[1]
    if which == "hazm":
        from hazm import Normalizer
        f = Normalizer().normalize
    elif which == "shekar":
        from shekar import Normalizer
        f = Normalizer()
    else:
        sys.exit("usage: normalizer_wrapper.py hazm|shekar")
    for line in sys.stdin:
        try:
            out = f(line.rstrip("\n"))
        except Exception:
            out = line.rstrip("\n")
        sys.stdout.write(str(out).replace("\n", " ") + "\n")

if __name__ == "__main__":
    main()
