# The two sacred commands: `make run` and `make test`. Both set everything up on a fresh Debian.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run demo test lint typecheck layers unit screenshots bench stress clean

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

# The long kill test (issue 7): SIGKILL the app at random moments, >= 60 times (80 if time allows), at most 120 s.
# The short version (14 kills) runs in `make test`. STRESS_SEED=N repeats a run's choices.
stress: setup
	STRESS_KILLS=$${STRESS_KILLS:-80} STRESS_MIN_KILLS=$${STRESS_MIN_KILLS:-60} STRESS_SECONDS=$${STRESS_SECONDS:-120} \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/stress/test_kill.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache screenshots
