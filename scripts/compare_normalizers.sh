#!/usr/bin/env bash
# Scores khabar's normalizer, hazm's and shekar's with the same ZWNJ scorer on the UD dev sets.
# hazm and shekar are installed from PyPI into target/compare-venv (first run only).
# Usage: scripts/compare_normalizers.sh [khabar command]   (default: target/release/khabar normalize)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
KHABAR=${1:-target/release/khabar normalize}
VENV=target/compare-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q hazm shekar || echo "warning: pip install of hazm/shekar failed" >&2
fi
for gold in "$SHARED/data/ud-perdt-dev/sentences.txt" "$SHARED/data/ud-seraji-dev/sentences.txt"; do
  echo "== $(basename "$(dirname "$gold")")"
  echo "-- khabar"; python3 "$SHARED/tools/zwnj_eval.py" --gold "$gold" --cmd "$KHABAR"
  for t in hazm shekar; do
    echo "-- $t"
    python3 "$SHARED/tools/zwnj_eval.py" --gold "$gold" --cmd "$VENV/bin/python scripts/normalizer_wrapper.py $t" || echo "($t failed)"
  done
done
