# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Numbers as Vietnamese papers write them: a comma before the decimals and
dots between thousands ("1.234,5"; "75,00 %"; "0,5 giờ").

Not a model: the one place the official papers format numbers, given to
every QWeb template as ``vn_format`` (see ir_ui_view.py). Rounding
is half up on the decimal value written, as people round by hand (12,345 %
becomes 12,35 %), not Python's half-even on the binary float.
"""
from decimal import ROUND_HALF_UP, Decimal


def _decimal(value, digits):
    quantum = Decimal(1).scaleb(-digits)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def number(value, digits=0):
    """``value`` with exactly ``digits`` decimals: 1234567.891 -> "1.234.567,89"."""
    text = "{:,.{digits}f}".format(_decimal(value, digits), digits=digits)
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # no "-0,00"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def decimal(value, digits=2):
    """``value`` with at most ``digits`` decimals, trailing zeros dropped:
    0.5 -> "0,5", 2.0 -> "2", 1.25 -> "1,25"."""
    text = number(value, digits)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def percent(value, digits=2):
    """A percentage already multiplied by 100: 75 -> "75,00 %"."""
    return "%s %%" % number(value, digits)


def share(part, whole, digits=2):
    """``part`` of ``whole`` as a percentage, "" when ``whole`` is 0."""
    if not whole or part is None:
        return ""
    return percent(100.0 * part / whole, digits)


def hours(value):
    """A duration in hours: 0.5 -> "0,5 giờ", 1.25 -> "1,25 giờ"."""
    return "%s giờ" % decimal(value or 0.0, 2)


def date(value):
    """A date as the registers write it: "2026-03-02" -> "02/03/2026" (a
    datetime string gives its day); "" for none."""
    if not value:
        return ""
    text = str(value)[:10]
    return "%s/%s/%s" % (text[8:10], text[5:7], text[0:4])
