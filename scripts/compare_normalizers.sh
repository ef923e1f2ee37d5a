#!/usr/bin/env bash
# Scores khabar's normalizer, hazm's and shekar's with the same ZWNJ scorer on the UD dev sets.
# hazm and shekar are installed from PyPI, each into its own venv with a pinned version (first run only):
# installed together, pip resolves shekar to 0.1.16 (hazm 0.10.0 pins numpy 1.24, shekar >= 1.0 needs numpy >= 2),
# and shekar 0.1.16 has no ZWNJ step at all. shekar 1.7.0's default Normalizer() runs its SpacingNormalizer
# (orthographic, punctuation, word and verbal spacing: the ZWNJ step), so the default pipeline is the fair one.
# Usage: scripts/compare_normalizers.sh [khabar command]   (default: target/release/khabar normalize)
# Environment: SHARED (default ../shared), HAZM_VERSION (0.10.0), SHEKAR_VERSION (1.7.0), GOLDS (gold files).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
KHABAR=${1:-target/release/khabar normalize}
HAZM_VERSION=${HAZM_VERSION:-0.10.0}
SHEKAR_VERSION=${SHEKAR_VERSION:-1.7.0}
GOLDS=${GOLDS:-"$SHARED/data/ud-perdt-dev/sentences.txt $SHARED/data/ud-seraji-dev/sentences.txt"}
declare -A VERSION=([hazm]=$HAZM_VERSION [shekar]=$SHEKAR_VERSION)
for t in hazm shekar; do
  venv=target/compare-venv-$t-${VERSION[$t]}
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "$t==${VERSION[$t]}" || echo "warning: pip install of $t==${VERSION[$t]} failed" >&2
  fi
  echo "$t: $("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('$t'))" 2>/dev/null || echo missing)"
done
for gold in $GOLDS; do
  echo "== $gold"
  echo "-- khabar ($KHABAR)"; python3 "$SHARED/tools/zwnj_eval.py" --gold "$gold" --cmd "$KHABAR"
  for t in hazm shekar; do
    echo "-- $t ${VERSION[$t]}"
    python3 "$SHARED/tools/zwnj_eval.py" --gold "$gold" \
      --cmd "target/compare-venv-$t-${VERSION[$t]}/bin/python scripts/normalizer_wrapper.py $t" || echo "($t failed)"
  done
done
