# The two sacred commands: `make run` and `make test`. Both set everything up on a fresh Debian.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run demo test lint typecheck layers unit screenshots bench clean

setup:
	@bash scripts/setup-env.sh

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

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache screenshots
