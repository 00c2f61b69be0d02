#!/usr/bin/env bash
# The main job on the embedded default: set up, ingest the seeds, build the
# graph under data/build/, open the explorer. No server needed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/innograph build data/seeds
exec .venv/bin/innograph app "$@"
