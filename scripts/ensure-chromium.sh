#!/usr/bin/env bash
# Installs Debian's chromium and fonts for the browser tests when missing (the tests need no other browser).
set -euo pipefail
# the font list is read whole before it is searched: `fc-list | grep -q` under pipefail failed whenever
# grep stopped reading before fc-list had written everything (fc-list then died of SIGPIPE)
fonts="$(fc-list 2>/dev/null || true)"
if [ -x /usr/bin/chromium ] && grep -qi dejavu <<<"$fonts"; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium manquant : installez-le (apt-get install chromium fonts-dejavu-core fonts-liberation)." >&2
  exit 1
fi
echo "Installation de chromium (Debian) pour les tests navigateur…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
