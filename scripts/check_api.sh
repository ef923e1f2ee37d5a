#!/usr/bin/env bash
# Property-based test of the JSON API against its OpenAPI document with schemathesis (PyPI,
# installed into target/api-venv on first use): every generated request must get a response
# that conforms to the document, never a 5xx.
# Usage: scripts/check_api.sh [ARCHIVE_DIR]   (default: the sample corpus ingested into target/api-check)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/api-venv
[ -x "$VENV/bin/schemathesis" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q schemathesis; }
cargo build --release -q -p khabar-cli
DB=${1:-target/api-check}
if [ -z "${1:-}" ]; then rm -rf "$DB"; target/release/khabar ingest corpus/sample --db "$DB" >/dev/null; fi
target/release/khabar serve --db "$DB" --addr 127.0.0.1:8097 >/dev/null &
pid=$!
trap 'kill $pid' EXIT
sleep 1
"$VENV/bin/schemathesis" run http://127.0.0.1:8097/api/openapi.json --max-examples "${EXAMPLES:-200}" --checks all
