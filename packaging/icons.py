"""The application icon, made from its one source ``resources/taizhangtong.svg``.

Rendered with Qt's own SVG renderer (PySide6-Essentials has it, so no new dependency):
PNGs in the sizes a Linux desktop's icon theme asks for, and a Windows ``.ico`` written
by hand. The ``.ico`` holds the small sizes as classic 32-bit bitmaps, which every
Windows tool reads, and the 256-pixel one as PNG, as Windows itself writes it.

    python packaging/icons.py OUT_FOLDER
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "resources" / "taizhangtong.svg"  # the window's icon too
NAME = "taizhangtong"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_AS_PNG_FROM = 256  # sizes from this one up are stored as PNG inside the .ico


def render(size: int):
    """The icon as a ``QImage`` of ``size`` × ``size`` pixels with transparency."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise ValueError(f"{SOURCE} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _bitmap(image) -> bytes:
    """An icon bitmap: a BITMAPINFOHEADER, the BGRA rows bottom-up, an empty AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]  # ARGB32 is B,G,R,A in memory
    mask_row = bytes(((size + 31) // 32) * 4)
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    """A Windows icon file holding each of ``images`` (size → QImage)."""
    entries = [(size, png_bytes(image) if size >= ICO_AS_PNG_FROM else _bitmap(image))
               for size, image in sorted(images.items())]
    offset = 6 + 16 * len(entries)
    directory = b""
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(entries)) + directory + b"".join(data for _, data in entries)


def write_all(folder: Path) -> dict[str, Path]:
    """``NAME-<size>.png`` for each size, ``NAME.ico`` and a copy of the SVG; what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in PNG_SIZES}
    written: dict[str, Path] = {}
    for size, image in images.items():
        path = folder / f"{NAME}-{size}.png"
        path.write_bytes(png_bytes(image))
        written[f"png{size}"] = path
    ico = folder / f"{NAME}.ico"
    ico.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    written["ico"] = ico
    svg = folder / f"{NAME}.svg"
    svg.write_bytes(SOURCE.read_bytes())
    written["svg"] = svg
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1])).values():
        print(path)
