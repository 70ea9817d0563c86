"""The kiosk's own start (``wirausaha [--data FILE] [--lang L] [run]``) skips building the full
parser (issue 11 §7); whatever it accepts must read exactly as the full parser reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirausaha_desktop import cli

FIELDS = ("data", "lang", "selftest", "time", "shots", "command")
WORDS = st.sampled_from(
    ["run", "--data", "--lang", "id", "en", "xx", "k.sqlite", "--data=k.sqlite", "--lang=en", "--lang=", "--data=",
     "-x", "--selftest", "check", "--dat", "a b.sqlite", "--data=-k"]
)  # fmt: skip


def full(argv: list[str]) -> dict[str, object] | None:
    try:
        parsed = cli.build_parser().parse_args(argv)
    except SystemExit:
        return None
    return {name: getattr(parsed, name) for name in FIELDS}


@pytest.mark.parametrize(
    "argv",
    [[], ["run"], ["--data", "k.sqlite"], ["--data", "k.sqlite", "run"], ["--data=k.sqlite", "--lang", "en", "run"],
     ["--lang=en"], ["--lang", "en", "--data", "a b.sqlite"]],
)  # fmt: skip
def test_the_kiosk_start_reads_as_the_full_parser_reads_it(argv: list[str]) -> None:
    quick = cli.plain_run(argv)
    assert quick is not None
    assert {name: getattr(quick, name) for name in FIELDS} == full(argv)


@pytest.mark.parametrize(
    "argv",
    [["check"], ["--help"], ["run", "--data", "k"], ["--data"], ["--lang", "xx"], ["--dat", "k"], ["run", "run"],
     ["--data", "a", "--data", "b"], ["--selftest"], ["--data", "-k"]],
)  # fmt: skip
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert cli.plain_run(argv) is None


@given(st.lists(WORDS, max_size=5))
def test_whatever_the_quick_path_accepts_the_full_parser_reads_the_same(argv: list[str]) -> None:
    quick = cli.plain_run(argv)
    if quick is not None:
        assert {name: getattr(quick, name) for name in FIELDS} == full(argv)


def test_a_bad_language_still_gets_the_full_parsers_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "xx", "run"]) == 2
    assert "--lang" in capsys.readouterr().err


def test_the_quick_path_opens_the_named_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr("wirausaha_desktop.app.run", lambda path: opened.append(path) or 0)
    assert cli.main(["--data", str(tmp_path / "k.sqlite")]) == 0
    assert opened == [tmp_path / "k.sqlite"]
