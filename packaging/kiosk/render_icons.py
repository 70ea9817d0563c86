"""Render packaging/kiosk/wirausaha.svg to the PNGs beside it (48, 128, 256 px), for icon themes.

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/kiosk/render_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (48, 128, 256)


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "wirausaha.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / f"wirausaha-{size}.png"))
        print(HERE / f"wirausaha-{size}.png")
    del app


if __name__ == "__main__":
    main()
