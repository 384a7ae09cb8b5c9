"""The exchange passphrase: agreed by a township and its villages, kept in 设置, the key of every package.

It is kept in the data file's ``setting`` table (local to the laptop, never in
a package). Before use it is normalized (NFKC, so that full-width letters and
digits typed by an input method are the same as half-width ones; spaces at
either end dropped: a passphrase copied from a chat message often carries one).
"""

from __future__ import annotations

import unicodedata

from models import settings
from models.i18n import translate
from models.packages.format import PackageError

KEY = "exchange_passphrase"
MIN_LENGTH = 8


class NoPassphrase(PackageError):
    """No exchange passphrase is kept (nor given): a package can be neither written nor read."""


def normalized(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def kept() -> str:
    """The passphrase kept in 设置 ("" if none)."""
    return normalized(settings.get_setting(KEY))


def problem(text: str) -> str | None:
    """Why ``text`` cannot be an exchange passphrase, or None."""
    if len(normalized(text)) < MIN_LENGTH:
        return translate("Packages", "The exchange passphrase must have at least {n} characters.").format(
            n=MIN_LENGTH)
    return None


def keep(text: str) -> None:
    """Keep ``text`` as this laptop's exchange passphrase (``ValueError`` saying why not)."""
    reason = problem(text)
    if reason:
        raise ValueError(reason)
    settings.set_setting(KEY, normalized(text))


def required(given: str | None = None) -> str:
    """``given`` if there is one, else the kept passphrase; ``NoPassphrase`` if neither."""
    text = normalized(given) if given is not None else kept()
    if not text:
        raise NoPassphrase(translate(
            "Packages", "No exchange passphrase is set. Set the passphrase agreed with the township and its "
            "villages in Settings → Data exchange first."))
    reason = problem(text)
    if reason:
        raise PackageError(reason)
    return text


WEAK, FAIR, STRONG = 1, 2, 3


def strength(text: str) -> tuple[int, str]:
    """(0 too short | WEAK | FAIR | STRONG, a hint in a line).

    Rough on purpose: length counts most (a Chinese character counts as two), then
    the kinds of characters used; one character repeated, or digits alone, is weak.
    """
    text = normalized(text)
    if len(text) < MIN_LENGTH:
        return 0, translate("Packages", "Too short: at least {n} characters.").format(n=MIN_LENGTH)
    kinds = _kinds(text)
    length = sum(2 if _is_han(c) else 1 for c in text)
    if len(set(text)) <= 2 or (kinds == {"digit"} and length < 16):
        level = WEAK
    elif length >= 16 or (length >= 12 and len(kinds) >= 3):
        level = STRONG
    elif length >= 10 and len(kinds) >= 2:
        level = FAIR
    else:
        level = WEAK
    return level, {
        WEAK: translate("Packages", "Weak: easy to guess. A sentence only the township and its villages know "
                        "is better, e.g. 12 characters or more mixing Chinese, letters and digits."),
        FAIR: translate("Packages", "Fair. Longer is better: 16 characters or more."),
        STRONG: translate("Packages", "Strong."),
    }[level]


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _kinds(text: str) -> set[str]:
    kinds = set()
    for c in text:
        if _is_han(c):
            kinds.add("han")
        elif c.isdigit():
            kinds.add("digit")
        elif c.isalpha():
            kinds.add("upper" if c.isupper() else "lower")
        else:
            kinds.add("other")
    return kinds
