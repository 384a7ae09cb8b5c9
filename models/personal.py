"""Personal identifiers: the GB 11643 ID-number checksum, phone formats, masking."""

from __future__ import annotations

import datetime as dt
import operator
import re

from models.i18n import translate
from models.normalize import code

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# The one rule of a mobile number, and the words that say it (phone_error).
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalize_id_number(text: str | None) -> str:
    """One spelling: full-width digits folded, spaces and dashes out, the check letter upper case."""
    return code(text or "").replace("-", "").upper()


def upgrade_legacy_id(text: str | None) -> str | None:
    """The 18-character number of a legacy 15-digit one (century 19, check character computed).

    None when ``text`` is not a 15-digit number whose birth date exists.
    """
    number = normalize_id_number(text)
    if len(number) != 15 or not number.isascii() or not number.isdigit():
        return None
    first17 = number[:6] + "19" + number[6:]
    try:
        dt.date(int(first17[6:10]), int(first17[10:12]), int(first17[12:14]))
    except ValueError:
        return None
    return first17 + id_check_char(first17)


def id_check_char(first17: str) -> str:
    if len(first17) != 17:
        raise ValueError("17 digits expected")
    total = sum(map(operator.mul, map(int, first17), _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def id_number_error(text: str | None) -> str | None:
    """Why ``text`` is not a valid 18-character citizen ID number, or None."""
    number = normalize_id_number(text)
    if len(number) == 15 and number.isascii() and number.isdigit():
        return translate("Personal", "this old 15-digit number has a birth date that does not exist")
    if len(number) != 18:
        return translate("Personal", "must have 18 characters, not {n}").format(n=len(number))
    if not number.isascii() or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return translate("Personal", "only digits, and X as the last character")
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return translate("Personal", "the birth date {d} in it does not exist").format(d=number[6:14])
    if id_check_char(number[:17]) != number[17]:
        return translate("Personal", "the check character is wrong (a digit mistyped?)")
    return None


def normalize_phone(text: str | None) -> str:
    """One spelling: full-width digits folded, no spaces or brackets; a mobile as its 11 digits
    (138-7456-2210 and +86 138 7456 2210 are 13874562210); a landline keeps its dashes."""
    phone = re.sub(r"[()（）]", "", code(text or ""))
    digits = phone.replace("-", "").removeprefix("+86")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if _MOBILE.match(digits) else phone


def phone_error(text: str | None) -> str | None:
    """Why ``text`` is neither a mobile (1, then 3–9, then 9 digits) nor a landline number, or None."""
    phone = normalize_phone(text)
    if _MOBILE.match(phone) or _LANDLINE.match(phone):
        return None
    return translate("Personal", "not a mobile number (11 digits starting with 13–19) or a landline "
                     "number with its area code (such as 0743-1234567)")


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
