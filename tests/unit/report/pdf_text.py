"""Reading a report's PDF back as a person would: its pages' text, words joined by single spaces."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def title(path: Path) -> str:
    meta = PdfReader(path).metadata
    return str(meta.title) if meta and meta.title else ""
