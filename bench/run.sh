#!/usr/bin/env bash
# Benchmarks: each figure beside a peer measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "bench: nothing measured yet"
