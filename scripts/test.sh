#!/usr/bin/env bash
# Everything the test suite needs, then the suite: the virtual environment, the
# local Neo4j server (jars from Maven Central, started here, stopped on exit),
# and Debian's Chromium for the browser test. Under CI=true nothing may be
# missing: the Neo4j and browser tests fail rather than skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

# Debian packages: Chromium drives the browser test; a CJK font lets the
# report's charts and the screenshots draw Chinese instead of empty boxes.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing ${missing[*]} from Debian"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
      || echo "test: could not install ${missing[*]}" >&2
  else
    echo "test: ${missing[*]} missing and cannot be installed here (not root)" >&2
  fi
fi

started_neo4j=0
if command -v java >/dev/null 2>&1; then
  if innograph neo4j status >/dev/null 2>&1; then
    # A running server keeps its plugins: Graph Data Science needs a stop,
    # `innograph neo4j fetch --with-gds` and a start (its tests fail under CI=true).
    innograph neo4j fetch
  else
    innograph neo4j fetch --with-gds  # the in-database analytics are tested too
    innograph neo4j start
    started_neo4j=1
  fi
else
  echo "test: no java on PATH, Neo4j tests will skip (they fail under CI=true)" >&2
fi
cleanup() { [ "$started_neo4j" = 1 ] && innograph neo4j stop || true; }
trap cleanup EXIT

ruff check .
ruff format --check .
python -m pytest "$@"
