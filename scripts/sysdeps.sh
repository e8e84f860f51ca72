#!/usr/bin/env bash
# Checks that Qt's few system libraries are present, and the virtual X display (Xvfb) with a window
# manager (openbox) that the exit and layout tests and `make screenshots` run under. As root on
# Debian/Ubuntu it installs what is missing; otherwise it prints the exact apt-get line to run.
set -euo pipefail
PY="${1:-python3}"
[ "$(uname -s)" = "Linux" ] || exit 0
PKGS=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon-x11-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
      libxcb-image0 libxcb-xinerama0 libxrender1 libxi6 libnss3)
if QT_QPA_PLATFORM=offscreen "$PY" -c "from PySide6 import QtWidgets, QtPdf" >/dev/null 2>&1; then
  missing=()
else
  missing=()
  for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -gt 0 ] || missing=("${PKGS[@]}")
fi
# The xcb platform plugin is needed only for a real screen (make run).
if [ ${#missing[@]} -eq 0 ] && command -v dpkg >/dev/null 2>&1; then
  for p in libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
fi
# A real display for the tests and the screenshots (tests/xdisplay.py).
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v openbox >/dev/null 2>&1 || missing+=(openbox)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài thư viện hệ thống cho Qt: ${missing[*]}"
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Thiếu thư viện hệ thống cho Qt hoặc màn hình ảo. Hãy chạy (Qt and the test display need these):"
  echo "  sudo apt-get install -y ${missing[*]}"
  exit 1
fi
