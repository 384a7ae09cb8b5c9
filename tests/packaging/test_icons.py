"""The application icon: drawn from its SVG by Qt, written as PNGs and a Windows .ico."""

from __future__ import annotations

import struct

import icons
from PySide6.QtGui import QImage, QImageReader


def test_the_svg_renders_an_opaque_mark_on_a_transparent_corner(qapp):
    image = icons.render(64)
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner
    assert image.pixelColor(32, 32).alpha() == 255
    colours = {image.pixelColor(x, y).name() for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 4  # drawn, not a flat square


def test_every_size_is_written_and_the_ico_holds_them(qapp, tmp_path):
    written = icons.write_all(tmp_path)
    for size in icons.PNG_SIZES:
        png = QImage(str(written[f"png{size}"]))
        assert (png.width(), png.height()) == (size, size)
    data = written["ico"].read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sides = [struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)]
    assert sides == sorted(icons.ICO_SIZES)
    reader = QImageReader(str(written["ico"]))  # Qt's own .ico reader understands it
    assert reader.imageCount() == count
    assert reader.read().width() in icons.ICO_SIZES
    assert written["svg"].read_bytes() == icons.SOURCE.read_bytes()


def test_the_svg_stays_within_what_qt_draws():
    text = icons.SOURCE.read_text(encoding="utf-8")
    assert 'baseProfile="tiny"' in text
    for feature in ("<text", "<style", "filter=", "<image"):
        assert feature not in text
