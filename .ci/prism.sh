#!/usr/bin/env bash
# Installs Stoplight Prism (npm @stoplight/prism-cli@5) into DIR, outside git, for PrismTest.
# Usage: .ci/prism.sh [DIR]   (default: generator/target/prism)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-generator/target/prism}"
if [ -x "$dir/node_modules/.bin/prism" ]; then
  exit 0
fi
mkdir -p "$dir"
npm install --no-audit --no-fund --no-save --prefix "$dir" @stoplight/prism-cli@5 >&2
