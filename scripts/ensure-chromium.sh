#!/usr/bin/env bash
# Installs Debian's chromium and fonts for the browser tests when missing (the tests need no other browser).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi dejavu; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium manquant : installez-le (apt-get install chromium fonts-dejavu-core fonts-liberation)." >&2
  exit 1
fi
echo "Installation de chromium (Debian) pour les tests navigateur…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
