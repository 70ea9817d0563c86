"""The English catalog matches the ``_()`` strings in the code exactly, and ``i18n`` switches language.

The catalog checks use scripts/translations.py (`python scripts/translations.py check` prints the same
findings; `... missing` prints what still needs a translation).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wirausaha_desktop import i18n, paths
from wirausaha_desktop.i18n import _

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


tr = _load_script()
EN_FILE = paths.resource("translations", "en.json")


@pytest.fixture(scope="module")
def found() -> Any:
    return tr.scan()


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return dict(tr.load_catalog(EN_FILE))


@pytest.fixture(scope="module")
def report(found: Any, english: dict[str, str]) -> Any:
    return tr.compare(found, english)


def _lines(items: Iterable[Any]) -> str:
    return "\n".join(f"  {item}" for item in items)


# --- the real catalog against the real source -----------------------------------------------------


def test_the_scan_finds_strings_in_the_package(found: Any) -> None:
    strings = found.strings
    assert "Uang Masuk" in strings
    assert any(place.startswith("wirausaha_desktop/messages.py:") for place in strings["Jumlah tidak boleh nol."])


def test_english_catalog_is_valid_json_object_of_strings() -> None:
    data = json.loads(EN_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert all(isinstance(key, str) and isinstance(value, str) for key, value in data.items())
    tr.load_catalog(EN_FILE)  # also refuses duplicate keys


def test_english_catalog_is_sorted_and_canonically_formatted(english: dict[str, str]) -> None:
    assert EN_FILE.read_text(encoding="utf-8") == tr.dump_catalog(english), (
        "en.json is not sorted/indented canonically; rewrite it with `python scripts/translations.py merge /dev/null`"
    )


def test_every_source_file_parses(found: Any) -> None:
    assert not found.unparsable, _lines(found.unparsable)


def test_every_translate_call_has_a_string_literal(found: Any) -> None:
    assert not found.non_literal, "_() needs a literal string:\n" + _lines(found.non_literal)


def test_every_translate_call_passes_exactly_its_placeholders(report: Any) -> None:
    assert not report.bad_calls, _lines(report.bad_calls)


def test_every_source_string_has_an_english_translation(report: Any) -> None:
    missing = report.missing
    assert not missing, "missing from en.json (`python scripts/translations.py missing`):\n" + _lines(
        f"{message!r} ({places[0]})" for message, places in sorted(missing.items())
    )


def test_no_stale_english_entries(report: Any) -> None:
    assert not report.stale, "in en.json but no longer in the source:\n" + _lines(report.stale)


def test_english_placeholders_match_the_source(report: Any) -> None:
    assert not report.mismatched, _lines(report.mismatched)


def test_check_command_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code = tr.main(["check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("OK: ")


# --- switching language ---------------------------------------------------------------------------


def test_english_returns_the_translation_with_placeholders_filled() -> None:
    i18n.set_language("en")
    assert i18n.language() == "en"
    assert _("Uang Masuk") == "Money In"
    assert _("baris {line}, kolom {column}: {text}", line=3, column="jumlah", text="x") == "line 3, column jumlah: x"


def test_every_english_translation_formats(english: dict[str, str]) -> None:
    i18n.set_language("en")
    for source, translation in english.items():
        params = {name: f"<{name}>" for name in tr.placeholders(source)}
        expected = translation.format(**params) if params else translation
        assert _(source, **params) == expected


def test_switching_back_to_indonesian_returns_the_source() -> None:
    i18n.set_language("en")
    i18n.set_language("id")
    assert i18n.language() == "id"
    assert _("Uang Masuk") == "Uang Masuk"
    assert _("Sisa {book}: {amount}", book="Buku Usaha", amount="Rp15.000") == "Sisa Buku Usaha: Rp15.000"


def test_unknown_language_is_refused_and_nothing_changes() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")
    assert i18n.language() == "id"
    assert _("Uang Masuk") == "Uang Masuk"


def test_the_catalog_helper_reads_english(english: dict[str, str]) -> None:
    assert i18n.catalog("en") == english


# --- the checker catches what it should -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Uang Masuk", set()),
        ("Saldo {amount}", {"amount"}),
        ("{a} dan {b} dan {a}", {"a", "b"}),
        ("{{literal}} {x}", {"x"}),
        ("{x!r:>10}", {"x"}),
        ("{x:>{width}}", {"x", "width"}),
        ("{user.name} {items[0]}", {"user", "items"}),
        ("{}", {""}),
    ],
)
def test_placeholders(text: str, names: set[str]) -> None:
    assert tr.placeholders(text) == names


def test_placeholders_refuses_a_broken_template() -> None:
    with pytest.raises(ValueError, match="expected '}'"):
        tr.placeholders("Saldo {amount")


def _package(tmp_path: Path, source: str) -> Path:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "mod.py").write_text(source, encoding="utf-8")
    return package


SAMPLE = """\
from ..i18n import _
from .. import i18n

A = _("Halo {name}", name="Sari")
B = i18n._("Uang Masuk")
C = _("Uang Masuk")
D = _(A)
E = _(f"Halo {A}")
F = _("Sisa {amount}", total=1)
G = _("Satu", **{})
"""


def test_scan_collects_literals_with_places_and_flags_non_literals(tmp_path: Path) -> None:
    found = tr.scan(_package(tmp_path, SAMPLE))
    assert found.strings == {
        "Halo {name}": ["pkg/sub/mod.py:4"],
        "Uang Masuk": ["pkg/sub/mod.py:5", "pkg/sub/mod.py:6"],
        "Sisa {amount}": ["pkg/sub/mod.py:9"],
        "Satu": ["pkg/sub/mod.py:10"],
    }
    assert [line.split(": ")[0] for line in found.non_literal] == ["pkg/sub/mod.py:7", "pkg/sub/mod.py:8"]
    assert tr.source_strings(_package(tmp_path / "again", SAMPLE)) == found.strings


def test_compare_reports_missing_stale_mismatch_and_bad_calls(tmp_path: Path) -> None:
    found = tr.scan(_package(tmp_path, SAMPLE))
    report = tr.compare(found, {"Halo {name}": "Hello {nama}", "Uang Masuk": "Money In", "Lama": "Old", "Satu": " "})
    assert set(report.missing) == {"Sisa {amount}", "Satu"}  # blank counts as missing
    assert report.stale == ["Lama"]
    assert len(report.mismatched) == 1
    assert "Halo {name}" in report.mismatched[0]
    assert len(report.bad_calls) == 1
    assert report.bad_calls[0].startswith("pkg/sub/mod.py:9: placeholders {amount} but the call passes {total}")
    assert len(report.non_literal) == 2
    assert not report.ok


def test_check_reports_invalid_json(tmp_path: Path) -> None:
    catalog = tmp_path / "en.json"
    catalog.write_text('{"Uang Masuk": "Money In",}', encoding="utf-8")
    report = tr.check(_package(tmp_path, 'X = _("Uang Masuk")\n'), catalog)
    assert report.catalog_errors
    assert "invalid JSON" in report.catalog_errors[0]
    assert not report.ok


@pytest.mark.parametrize(
    "text",
    ['{"a": "b", "a": "c"}', '["a"]', '{"a": 1}', "{"],
)
def test_load_catalog_refuses_bad_files(tmp_path: Path, text: str) -> None:
    catalog = tmp_path / "en.json"
    catalog.write_text(text, encoding="utf-8")
    with pytest.raises(tr.CatalogError):
        tr.load_catalog(catalog)


def test_check_reports_an_unsorted_catalog(tmp_path: Path) -> None:
    catalog = tmp_path / "en.json"
    catalog.write_text('{"b": "B", "a": "A"}', encoding="utf-8")
    report = tr.check(_package(tmp_path, 'X = _("a") + _("b")\n'), catalog)
    assert report.catalog_errors
    assert "canonical" in report.catalog_errors[0]


def test_cli_check_and_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    translations = tmp_path / "translations"
    translations.mkdir()
    tr.write_catalog(translations / "en.json", {"Uang Masuk": "Money In", "Lama": "Old"})
    monkeypatch.setattr(tr, "PACKAGE", _package(tmp_path, 'X = _("Uang Masuk")\nY = _("Uang Keluar")\n'))
    monkeypatch.setattr(tr, "TRANSLATIONS", translations)

    assert tr.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Missing translations (1):" in out
    assert "'Uang Keluar'  (pkg/sub/mod.py:2)" in out
    assert "Stale entries (no longer in the source) (1):" in out
    assert out.rstrip().endswith("FAILED: 1 of 2 source strings translated in en.json")

    assert tr.main(["missing"]) == 0
    assert json.loads(capsys.readouterr().out) == {"Uang Keluar": ""}

    filled = tmp_path / "filled.json"
    filled.write_text('{"Uang Keluar": "Money Out"}', encoding="utf-8")
    assert tr.main(["merge", str(filled)]) == 0
    assert tr.load_catalog(translations / "en.json") == {
        "Uang Masuk": "Money In",
        "Uang Keluar": "Money Out",
        "Lama": "Old",
    }
