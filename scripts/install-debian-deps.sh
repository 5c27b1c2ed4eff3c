#!/usr/bin/env bash
# Debian packages the real-VS-Code test host needs (see /work/shared/docs/real-vscode-host.md):
# headless Chromium for the workbench, Debian's rg (code-server's ripgrep would download from GitHub),
# and a toolchain + headers for code-server's native addons (node-pty, kerberos, native-keymap, ...).
set -euo pipefail
PACKAGES=(chromium ripgrep build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev)
if [[ $(id -u) -ne 0 ]]; then
  echo "install-debian-deps: must run as root: sudo $0" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [[ "${1:-}" != "--no-update" ]]; then
  echo "install-debian-deps: apt-get update"
  apt-get update -qq
fi
echo "install-debian-deps: apt-get install ${PACKAGES[*]}"
apt-get install -y -qq "${PACKAGES[@]}"
