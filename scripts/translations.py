"""Keep wirausaha_desktop/resources/translations/en.json exactly in step with the ``_()`` strings in the code.

Indonesian is the source language: every user-visible string is written in Indonesian inside
``_("...", name=...)``. This script finds those calls with :mod:`ast` (nothing is imported or run)
and compares them with a translation catalog, a flat JSON object {Indonesian source: translation}.

    python scripts/translations.py check            # exit 1 if the catalog is not exact
    python scripts/translations.py missing          # JSON {source: ""} of what still needs a translation
    python scripts/translations.py merge FILE       # add FILE's filled-in translations, rewrite sorted
    python scripts/translations.py merge --prune /dev/null   # drop stale entries, rewrite sorted

``check`` reports, and fails on: missing translations (absent or blank), stale entries whose source
string is gone, placeholder mismatches (the ``{names}`` of source and translation must be the same
set), ``_()`` calls whose first argument is not a string literal, calls whose keyword arguments do not
match the string's placeholders, source files that do not parse, an unreadable or invalid catalog,
and a catalog file that is not in canonical form (sorted keys, 2-space indent, trailing newline).

Tests import this file by path (see tests/unit/test_i18n.py); everything takes the package folder
and catalog path as arguments so that it can be run against small made-up examples too.
"""

from __future__ import annotations

import argparse
import ast
import json
import string
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wirausaha_desktop"
TRANSLATIONS = PACKAGE / "resources" / "translations"
SOURCE_LANGUAGE = "id"


class CatalogError(ValueError):
    """The catalog file cannot be read, is not JSON, or is not a flat object of strings."""


@dataclass(frozen=True)
class Call:
    """One ``_()`` call. ``message`` is None when the first argument is not a string literal."""

    where: str
    message: str | None
    keywords: frozenset[str] | None  # None when the call passes ``**params``: names unknown
    problem: str = ""


@dataclass
class Scan:
    calls: list[Call] = field(default_factory=list)
    unparsable: list[str] = field(default_factory=list)

    @property
    def strings(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for call in self.calls:
            if call.message is not None:
                found.setdefault(call.message, []).append(call.where)
        return found

    @property
    def non_literal(self) -> list[str]:
        return [f"{call.where}: {call.problem}" for call in self.calls if call.message is None]


@dataclass
class Report:
    missing: dict[str, list[str]] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    non_literal: list[str] = field(default_factory=list)
    bad_calls: list[str] = field(default_factory=list)
    unparsable: list[str] = field(default_factory=list)
    catalog_errors: list[str] = field(default_factory=list)
    translated: int = 0

    @property
    def ok(self) -> bool:
        return not (
            self.missing
            or self.stale
            or self.mismatched
            or self.non_literal
            or self.bad_calls
            or self.unparsable
            or self.catalog_errors
        )


# --- finding the source strings -------------------------------------------------------------------


def _is_translate(func: ast.expr) -> bool:
    """``_(...)`` or ``i18n._(...)``."""
    if isinstance(func, ast.Name):
        return func.id == "_"
    return isinstance(func, ast.Attribute) and func.attr == "_" and isinstance(func.value, ast.Name)


def _call_of(node: ast.Call, where: str) -> Call:
    keywords: frozenset[str] | None = frozenset(k.arg for k in node.keywords if k.arg is not None)
    if any(k.arg is None for k in node.keywords):
        keywords = None
    if not node.args:
        return Call(where, None, keywords, "_() has no message: the first argument must be a string literal")
    first = node.args[0]
    if isinstance(first, ast.Starred):
        return Call(where, None, keywords, "_(*args): the first argument must be a string literal")
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return Call(where, None, keywords, f"_({ast.unparse(first)}): the first argument must be a string literal")
    if len(node.args) > 1:
        return Call(where, first.value, keywords, "_() takes placeholders by name only, not positional arguments")
    return Call(where, first.value, keywords)


def scan(package: Path = PACKAGE) -> Scan:
    """Every ``_()`` call in every .py file under ``package``, with ``file:line`` relative to its parent."""
    result = Scan()
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package.parent).as_posix()
        try:
            with warnings.catch_warnings():  # e.g. SyntaxWarning for "\d": not ours to report here
                warnings.simplefilter("ignore")
                tree = ast.parse(path.read_text(encoding="utf-8"), filename=name)
        except (SyntaxError, ValueError) as error:  # UnicodeDecodeError is a ValueError
            result.unparsable.append(f"{name}: {error}")
            continue
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _is_translate(node.func)]
        calls.sort(key=lambda node: (node.lineno, node.col_offset))
        result.calls += [_call_of(node, f"{name}:{node.lineno}") for node in calls]
    return result


def source_strings(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Each literal ``_()`` message → the ``file:line`` places where it is used."""
    return scan(package).strings


def non_literal_calls(package: Path = PACKAGE) -> list[str]:
    """``file:line: why`` for each ``_()`` call whose first argument is not a string literal."""
    return scan(package).non_literal


def placeholders(text: str) -> set[str]:
    """The names a ``str.format`` template uses: ``"{a} of {b.c:>{w}}"`` → ``{"a", "b", "w"}``.

    Positional fields come back as ``""`` (for ``{}``) or ``"0"``; ``_()`` cannot fill those.
    Raises ValueError for a template that ``str.format`` cannot parse (e.g. a lone ``{``).
    """
    names: set[str] = set()
    for _literal, name, spec, _conversion in string.Formatter().parse(text):
        if name is None:
            continue
        names.add(name.split(".", 1)[0].split("[", 1)[0])
        if spec and "{" in spec:
            names |= placeholders(spec)
    return names


def _placeholders_or_error(text: str) -> tuple[set[str], str]:
    try:
        names = placeholders(text)
    except ValueError as error:
        return set(), f"not a valid format string ({error})"
    bad = sorted(name for name in names if not name.isidentifier())
    if bad:
        return names, "positional placeholder " + ", ".join("{" + name + "}" for name in bad) + " (use {name})"
    return names, ""


# --- the catalog ----------------------------------------------------------------------------------


def catalog_path(language: str = "en") -> Path:
    return TRANSLATIONS / f"{language}.json"


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise CatalogError(f"duplicate key {key!r}")
        result[key] = value
    return result


def parse_catalog(text: str) -> dict[str, str]:
    """A flat JSON object of non-empty-keyed strings, with no duplicate keys."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise CatalogError(f"invalid JSON: {error}") from error
    if not isinstance(data, dict):
        raise CatalogError(f"expected a JSON object, found {type(data).__name__}")
    wrong = [key for key, value in data.items() if not isinstance(value, str)]
    if wrong:
        raise CatalogError(f"value of {wrong[0]!r} is not a string")
    return dict(data)


def load_catalog(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"cannot read {path}: {error}") from error
    return parse_catalog(text)


def dump_catalog(catalog: dict[str, str]) -> str:
    """The canonical file text: sorted keys, UTF-8 as is, 2-space indent, trailing newline."""
    return json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_catalog(path: Path, catalog: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_catalog(catalog), encoding="utf-8")


# --- comparing ------------------------------------------------------------------------------------


def compare(found: Scan, catalog: dict[str, str]) -> Report:
    """Everything wrong between the source strings and one catalog."""
    report = Report(non_literal=found.non_literal, unparsable=list(found.unparsable))
    strings = found.strings
    for call in found.calls:
        if call.message is None:
            continue
        if call.problem:
            report.bad_calls.append(f"{call.where}: {call.problem}")
            continue
        names, error = _placeholders_or_error(call.message)
        if error:
            report.bad_calls.append(f"{call.where}: {error}: {call.message!r}")
        elif call.keywords is not None and names != call.keywords:
            report.bad_calls.append(
                f"{call.where}: placeholders {_names(names)} but the call passes {_names(call.keywords)}: "
                f"{call.message!r}"
            )
    for message, places in strings.items():
        translation = catalog.get(message, "")
        if not translation.strip():
            report.missing[message] = places
            continue
        report.translated += 1
        source_names, _error = _placeholders_or_error(message)
        target_names, error = _placeholders_or_error(translation)
        if error:
            report.mismatched.append(f"{message!r} → {translation!r}: translation has {error}")
        elif source_names != target_names:
            report.mismatched.append(
                f"{message!r} → {translation!r}: source has {_names(source_names)}, "
                f"translation has {_names(target_names)} ({places[0]})"
            )
    report.stale = sorted(key for key in catalog if key not in strings)
    return report


def _names(names: set[str] | frozenset[str]) -> str:
    return "{" + ", ".join(sorted(names)) + "}" if names else "none"


def check(package: Path = PACKAGE, catalog_file: Path | None = None) -> Report:
    """Scan ``package`` and compare it with ``catalog_file`` (default: the English catalog)."""
    catalog_file = catalog_file or catalog_path()
    found = scan(package)
    try:
        catalog = load_catalog(catalog_file)
    except CatalogError as error:
        report = compare(found, {})
        report.catalog_errors.append(f"{catalog_file.name}: {error}")
        return report
    report = compare(found, catalog)
    if catalog_file.read_text(encoding="utf-8") != dump_catalog(catalog):
        report.catalog_errors.append(
            f"{catalog_file.name}: not in canonical form (sorted keys, 2-space indent, trailing newline); "
            "`python scripts/translations.py merge /dev/null` rewrites it"
        )
    return report


def missing(package: Path = PACKAGE, catalog_file: Path | None = None) -> dict[str, str]:
    """``{source: ""}`` for every source string without a translation, sorted, ready to fill in."""
    catalog_file = catalog_file or catalog_path()
    try:
        catalog = load_catalog(catalog_file)
    except CatalogError:
        catalog = {}
    return {key: "" for key in sorted(compare(scan(package), catalog).missing)}


# --- command line ---------------------------------------------------------------------------------


def _print_report(report: Report, catalog_file: Path) -> None:
    sections: list[tuple[str, list[str]]] = [
        ("Catalog problems", report.catalog_errors),
        ("Source files that do not parse", report.unparsable),
        ("_() calls without a string literal", report.non_literal),
        ("_() calls that do not match their placeholders", report.bad_calls),
        (
            "Missing translations",
            [f"{message!r}  ({', '.join(places)})" for message, places in sorted(report.missing.items())],
        ),
        ("Stale entries (no longer in the source)", [repr(key) for key in report.stale]),
        ("Placeholder mismatches", report.mismatched),
    ]
    for title, lines in sections:
        if lines:
            print(f"{title} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")
    total = report.translated + len(report.missing)
    verdict = "OK" if report.ok else "FAILED"
    print(f"{verdict}: {report.translated} of {total} source strings translated in {catalog_file.name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="translations.py", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", help="catalog language (default: en)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="report missing, stale and mismatched translations; exit 1 if any")
    commands.add_parser("missing", help="print a JSON object of untranslated source strings with empty values")
    merge = commands.add_parser("merge", help="add the filled-in translations of a JSON file; rewrite sorted")
    merge.add_argument("file", type=Path)
    merge.add_argument("--prune", action="store_true", help="also drop stale entries no longer in the source")
    args = parser.parse_args(argv)
    if args.lang == SOURCE_LANGUAGE:
        parser.error("Indonesian is the source language: it has no catalog")
    catalog_file = catalog_path(args.lang)

    if args.command == "check":
        report = check(PACKAGE, catalog_file)
        _print_report(report, catalog_file)
        return 0 if report.ok else 1
    if args.command == "missing":
        print(json.dumps(missing(PACKAGE, catalog_file), ensure_ascii=False, indent=2))
        return 0
    try:
        catalog = load_catalog(catalog_file) if catalog_file.exists() else {}
        text = args.file.read_text(encoding="utf-8")
        additions = parse_catalog(text) if text.strip() else {}
    except (CatalogError, OSError) as error:
        print(f"translations.py: {error}", file=sys.stderr)
        return 1
    catalog.update({key: value for key, value in additions.items() if value.strip()})
    if args.prune:
        strings = source_strings(PACKAGE)
        catalog = {key: value for key, value in catalog.items() if key in strings}
    write_catalog(catalog_file, catalog)
    print(f"{catalog_file.name}: {len(catalog)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
