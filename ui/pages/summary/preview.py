"""The preview of one section of the summary, drawn as it will look in the document."""

from __future__ import annotations

import html

from exporters import summary as s


def preview_html(key: str, text: str) -> str:
    """The section as it will look: headings, run-in headings, unknown placeholders in red."""
    def mark(value: str) -> str:
        escaped = html.escape(value)
        return escaped.replace("【", '<span style="color:#c00">【').replace("】", "】</span>")

    if key == "title":
        return f'<p align="center" style="font-size:x-large">{mark(text).replace(chr(10), "<br>")}</p>'
    if key == "signature":
        return f'<p align="right">{mark(text).replace(chr(10), "<br>")}</p>'
    parts = []
    for block in s.blocks_of(text):
        if block.kind == "heading":
            parts.append(f"<p><b>{mark(block.text)}</b></p>")
        else:
            head = f"<b>{mark(block.run_in)}</b>" if block.run_in else ""
            parts.append(f'<p style="text-indent:2em">{head}{mark(block.text)}</p>')
    return "".join(parts)
