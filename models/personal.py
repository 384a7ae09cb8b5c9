"""Personal identifiers: the GB 11643 ID-number checksum, phone formats, masking."""

from __future__ import annotations

import datetime as dt
import re

from models.i18n import translate

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalize_id_number(text: str | None) -> str:
    """Strip spaces and make a trailing check letter upper case."""
    return re.sub(r"\s+", "", text or "").upper()


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def id_number_error(text: str | None) -> str | None:
    """Why ``text`` is not a valid 18-character citizen ID number, or None."""
    number = normalize_id_number(text)
    if len(number) == 15 and number.isdigit():
        return translate("Personal", "this is an old 15-digit number; enter the 18-character one")
    if len(number) != 18:
        return translate("Personal", "must have 18 characters, not {n}").format(n=len(number))
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return translate("Personal", "only digits, and X as the last character")
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return translate("Personal", "the birth date {d} in it does not exist").format(d=number[6:14])
    if id_check_char(number[:17]) != number[17]:
        return translate("Personal", "the check character is wrong (a digit mistyped?)")
    return None


def normalize_phone(text: str | None) -> str:
    return re.sub(r"[\s()（）]", "", text or "")


def phone_error(text: str | None) -> str | None:
    """Why ``text`` is neither an 11-digit mobile nor a landline number, or None."""
    phone = normalize_phone(text)
    if _MOBILE.match(phone) or _LANDLINE.match(phone):
        return None
    return translate("Personal", "not a mobile (11 digits, starting with 1) or landline number")


def mask_id_number(text: str | None) -> str:
    """Keep the first 6 and the last 4 characters: 430***********1234."""
    number = normalize_id_number(text)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(text: str | None) -> str:
    """Keep the first 3 and the last 4 digits: 138****5678."""
    phone = normalize_phone(text)
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
