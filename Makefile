# The two sacred commands: `make run` and `make test`. Both set everything up on a fresh Debian.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run demo test lint typecheck layers unit screenshots screenshots-xvfb bench stress package clean

setup:
	@bash scripts/setup-env.sh

# Re-resolve requirements/lock.txt (exact versions + hashes) from the ranges in pyproject.toml.
lock:
	@bash scripts/lock.sh

run:
	@bash scripts/setup-env.sh --gui
	$(BIN)/wirausaha run

demo:
	@bash scripts/setup-env.sh --gui
	$(BIN)/wirausaha demo

test: setup
	$(BIN)/ruff check wirausaha_desktop tests benchmarks scripts
	$(BIN)/ruff format --check wirausaha_desktop tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# Offscreen on the demo's fixed day, offscreen on today's real date (screenshots/today), then the real app
# on Xvfb with no window manager at 1024x600, driven with xdotool (screenshots/xvfb-1024x600, report.txt).
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --today --language id
	$(BIN)/python scripts/xvfb_screens.py

screenshots-xvfb: setup
	$(BIN)/python scripts/xvfb_screens.py

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The long kill test (issue 7): SIGKILL the app at random moments, >= 60 times (80 if time allows), at most 120 s.
# The short version (14 kills) runs in `make test`. STRESS_SEED=N repeats a run's choices.
stress: setup
	STRESS_KILLS=$${STRESS_KILLS:-80} STRESS_MIN_KILLS=$${STRESS_MIN_KILLS:-60} STRESS_SECONDS=$${STRESS_SECONDS:-120} \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/stress/test_kill.py

# The one-folder kiosk build for this machine, dist/wirausaha/ (issue 11): PyInstaller in its own venv
# (.venv-package, from the hashed requirements/build-lock.txt), then its size and `--selftest` run with an
# empty environment (no Python needed). PACKAGE_SELFTEST=0 builds only. Windows: README, "Build a kiosk package".
package:
	@bash scripts/package.sh

clean:
	rm -rf $(VENV) .venv-lock .venv-package .mypy_cache .ruff_cache .pytest_cache screenshots build/pyinstaller dist
