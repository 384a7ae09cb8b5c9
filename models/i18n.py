"""Translation of the core's visible words without Qt.

Every visible string has English source text. The GUI translates its own
strings with Qt (``tr()`` and the compiled ``.qm``); the core, the command line
and the exporters read the very same ``.ts`` file here, so each word is
translated in one place. ``pyside6-lupdate`` collects the calls below because
they are spelled like Qt's: ``translate(context, text)`` and
``QT_TRANSLATE_NOOP(context, text)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
TS_NAME = "taizhangtong_{}.ts"

_current = DEFAULT_LANGUAGE
# The window's own translator of the current language (Qt's, from the .qm compiled from the same
# .ts), which it has loaded anyway: the core's words need not read the .ts once more (20 ms).
_translator: Callable[[str, str], str] | None = None


def set_language(language: str, translator: Callable[[str, str], str] | None = None) -> None:
    """``translator(context, text)``: one that already holds this language's catalogue (thread-safe)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    global _current, _translator
    _current, _translator = language, translator


def language() -> str:
    return _current


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined; translate it where shown."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the current language."""
    return translate_to(_current, context, text)


def translate_to(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` whatever the current one (registers are always Chinese)."""
    if language == "en":
        return text
    if _translator is not None and language == _current:
        return _translator(context, text)
    return _catalogue(language).get((context, text)) or text


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    """Finished translations of one ``.ts`` file, keyed by (context, source)."""
    import xml.etree.ElementTree as ET  # imported when first needed: the window may never need it
    from importlib import resources

    ts = resources.files("resources.i18n").joinpath(TS_NAME.format(language))
    if not ts.is_file():
        return {}
    root = ET.fromstring(ts.read_bytes())
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            source = message.findtext("source") or ""
            if translation.text:
                table[(name, source)] = translation.text
    return table
