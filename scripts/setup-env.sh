#!/usr/bin/env bash
# Set up .venv with the project and its checks, installing what a fresh Debian lacks:
# python3-venv when venv cannot be made, and the system libraries Qt needs when it cannot start.
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Need root (or sudo) to install: $*" >&2; return 1
    fi
  fi
  echo "Installing system packages: $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3-venv
    "$PY" -m venv "$VENV"
  fi
fi

# Exact versions with their hashes from requirements/lock.txt (refresh it with `make lock`), then
# our own package on top, editable, with nothing more resolved: what CI tested is what runs.
stamp="$VENV/.installed"
lock=requirements/lock.txt
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  pip=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
  "${pip[@]}" --require-hashes -r "$lock"
  PYTHONWARNINGS=ignore "${pip[@]}" --no-deps --no-build-isolation -e .  # setuptools nags about editables
  "$VENV/bin/python" -m pip check >/dev/null || { "$VENV/bin/python" -m pip check >&2; exit 1; }
  touch "$stamp"
fi

# Qt's offscreen and xcb platforms need these shared libraries and at least one font.
probe='from PySide6.QtWidgets import QApplication; QApplication(["probe"])'
if ! QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -c "$probe" >/dev/null 2>&1 \
   || ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -1)" ]; then
  apt_install libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fontconfig fonts-dejavu-core
fi
if [ "${1:-}" = "--gui" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  if ! "$VENV/bin/python" -c "$probe" >/dev/null 2>&1; then
    apt_install libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  fi
fi
