#!/usr/bin/env bash
# Fuzz the whole pipeline with atheris for a bounded time.
#
#   bash fuzz/run.sh [SECONDS]      (default 60)
#
# Installs atheris when it is missing (a binary wheel on Linux x86-64/aarch64,
# CPython 3.8–3.13: a couple of seconds). New inputs go to a scratch corpus; the
# seeds in fuzz/corpus are only read. Exits non-zero on a crash, a broken
# invariant or an input slower than 20 s; the input is saved in
# fuzz/crashes/ (add it to tests/hostile/test_regressions.py and fix it).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TOTAL="${1:-60}"
if ! python3 -c "import atheris" >/dev/null 2>&1; then
  echo "fuzz/run.sh: installing atheris" >&2
  python3 -m pip install --quiet --disable-pip-version-check atheris
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p fuzz/crashes

set +e
python3 fuzz/fuzz_pipeline.py \
  -max_total_time="$SECONDS_TOTAL" \
  -timeout=20 \
  -rss_limit_mb=3072 \
  -max_len=16384 \
  -dict=fuzz/notice.dict \
  -print_final_stats=1 \
  -artifact_prefix=fuzz/crashes/ \
  "$scratch" fuzz/corpus 2> >(grep -v '^INFO: Instrumenting' >&2)
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "fuzz/run.sh: the fuzzer found a crash (exit $status); see fuzz/crashes/" >&2
  exit 1
fi
echo "fuzz/run.sh: no crash in ${SECONDS_TOTAL} s"
