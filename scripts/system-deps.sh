#!/usr/bin/env bash
# Debian packages the full test suite uses: Chromium (browser tests), poppler-utils (PDF -> PNG
# checks), pango/harfbuzz/cairo/fonts (WeasyPrint PDF worksheets, PNG timelines), PostgreSQL 15.
# Needs root (CI runs as root); a user without root installs these with sudo once.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# WeasyPrint (PDF worksheets) and CairoSVG (PNG timelines); without libharfbuzz-subset0
# WeasyPrint warns, and the tests treat warnings as errors.
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fonts-dejavu-core; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps: missing ${need[*]}; run this script as root (or with sudo)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
