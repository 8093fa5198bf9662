#!/usr/bin/env bash
# Browser test of the diff page: builds the example pages, installs the
# pinned playwright-core, and runs the checks in headless Chromium.
# Exits non-zero if anything fails. Needs /usr/bin/chromium (Debian's
# `chromium` package) and node/npm; set CHROMIUM to use another binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "error: $chromium not found; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

pages="$here/output/pages"
rm -rf "$pages"
mkdir -p "$pages"
cargo run --quiet --locked --example render_html -- "$pages"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node run.mjs "$pages"
