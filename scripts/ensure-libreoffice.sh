#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc (without its desktop) for the workbook conversion test when missing.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "LibreOffice manquant : installez-le (apt-get install libreoffice-calc-nogui)." >&2
  exit 1
fi
echo "Installation de LibreOffice Calc (Debian) pour le test de conversion des classeurs…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
