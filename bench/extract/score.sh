#!/bin/sh
# Run the extractor over the eval articles in batch mode and score the predictions.
# Usage: bench/extract/score.sh [EVAL.jsonl] [PRED.jsonl]   (or set BRIEFBOT_EVAL)
# The eval data stays outside the repository; predictions go to /tmp by default.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEFAULT=$ROOT/../shared/eval/polnear-train.jsonl
[ -f "$DEFAULT" ] || DEFAULT=$ROOT/../../shared/eval/polnear-train.jsonl  # from a worktree
EVAL=${1:-${BRIEFBOT_EVAL:-$DEFAULT}}
PRED=${2:-/tmp/briefbot-extract-pred.jsonl}
PY=${PYTHON:-$ROOT/.venv/bin/python}
if [ ! -f "$EVAL" ]; then
    echo "score.sh: eval file not found: $EVAL (pass it as the first argument or set BRIEFBOT_EVAL)" >&2
    exit 2
fi
SCORER=$(dirname "$EVAL")/score.py
cd "$ROOT"
"$PY" -c 'import sys; from bot.extract.jsonl import run_jsonl; sys.exit(1 if run_jsonl(sys.stdin, sys.stdout, sys.stderr, every=200) else 0)' \
    <"$EVAL" >"$PRED"
echo "predictions: $PRED" >&2
python3 "$SCORER" "$EVAL" "$PRED"
