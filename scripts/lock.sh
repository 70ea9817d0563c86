#!/usr/bin/env bash
# Refresh requirements/lock.txt (and build-lock.txt, below): exact versions with their SHA-256
# hashes for the app and its dev tools, resolved from the ranges in pyproject.toml. `make run`,
# `make test` and the build install from the lock only (pip --require-hashes), so a fresh machine
# gets what CI tested, not whatever was released last night. Run after changing a range in
# pyproject.toml: `make lock`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
TOOLS=.venv-lock
if [ ! -x "$TOOLS/bin/pip-compile" ]; then
  "$PY" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install -q --disable-pip-version-check 'pip-tools>=7.4,<8'
fi
# --allow-unsafe: pip and setuptools are pinned too; --all-build-deps adds what builds our own package
# (setuptools), so that the editable install runs without build isolation and nothing is unhashed.
CUSTOM_COMPILE_COMMAND="make lock" "$TOOLS/bin/pip-compile" -q --generate-hashes --allow-unsafe \
  --extra dev --strip-extras --all-build-deps --no-emit-index-url --no-emit-find-links \
  -o requirements/lock.txt pyproject.toml
echo "requirements/lock.txt: $(grep -c '==' requirements/lock.txt) packages pinned with hashes" >&2
# requirements/build-lock.txt: what `make package` installs in its own venv (.venv-package): the app's
# dependencies at exactly the versions of lock.txt (-c), PyInstaller (the `build` extra), and no dev
# tools; so the dev venv never needs PyInstaller and the kiosk build is as hashed as the tests' venv.
CUSTOM_COMPILE_COMMAND="make lock" "$TOOLS/bin/pip-compile" -q --generate-hashes --allow-unsafe \
  --extra build --strip-extras --all-build-deps --no-emit-index-url --no-emit-find-links \
  -c requirements/lock.txt -o requirements/build-lock.txt pyproject.toml
echo "requirements/build-lock.txt: $(grep -c '==' requirements/build-lock.txt) packages pinned with hashes" >&2
