#!/usr/bin/env bash
# `make package`: the one-folder kiosk build, dist/wirausaha/ (issue 11 §4), for this machine.
#
# Its own venv, .venv-package, installed only from requirements/build-lock.txt (exact versions with
# their hashes: the app's dependencies as in lock.txt, and PyInstaller) and our package built from
# this tree, non-editable; then PyInstaller with packaging/wirausaha.spec; then the build proves
# itself: its size, and `--selftest` run with an empty environment (no Python, no venv on PATH).
#
#   make package                        build, measure, self-test
#   PACKAGE_SELFTEST=0 make package     build only
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv-package
LOCK=requirements/build-lock.txt
DIST=dist/wirausaha

# PyInstaller reads libraries with objdump (binutils); the spec strips and un-RUNPATHs the Python it
# copies (strip, patchelf). A fresh Debian has neither: installed as scripts/setup-env.sh does.
if ! command -v objdump >/dev/null 2>&1 || ! command -v strip >/dev/null 2>&1 || ! command -v patchelf >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing system packages: binutils patchelf" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends binutils patchelf >/dev/null
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.installed"
pip=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
if [ ! -f "$stamp" ] || [ "$LOCK" -nt "$stamp" ]; then
  "${pip[@]}" --require-hashes -r "$LOCK"
  touch "$stamp"
fi
# Our package as a wheel would install it (package data included), never the editable checkout.
PYTHONWARNINGS=ignore "${pip[@]}" --no-deps --no-build-isolation --force-reinstall .
"$VENV/bin/python" -m pip check >/dev/null || { "$VENV/bin/python" -m pip check >&2; exit 1; }

started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/wirausaha.spec
echo "Built $DIST in $(($(date +%s) - started)) s: $(du -sh "$DIST" | cut -f1), $(find "$DIST" -type f | wc -l) files" >&2

if [ "${PACKAGE_SELFTEST:-1}" != "0" ]; then
  # No Python, no venv, no user settings: only what the folder carries and the system's libraries.
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$DIST/wirausaha" --selftest
fi
