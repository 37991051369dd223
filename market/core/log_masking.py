"""A last line of defence for logs: phone numbers, resident ID numbers and login tokens masked in every record.

Log calls of our own pass only masked values; this catches what they cannot control: a database error quoting the
row it refused (`Key (phone)=(13800000001) already exists`), an exception message, a query string in uvicorn's
access log. Passwords and consent codes have no recognisable shape, so no log call may pass them at all.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from market.core.identity import mask_mobile, mask_resident_id

__all__ = ["MaskPersonalData", "install_log_masking", "mask_text"]

# Not inside a longer run of digits or letters, so ids, hashes and timestamps are left alone.
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d{9}(?![0-9A-Za-z])")
_JWT = re.compile(r"eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}")

_LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "litestar")


def mask_text(text: str) -> str:
    """`text` with phone numbers and ID numbers masked and JWTs replaced."""
    if not any(ch.isdigit() for ch in text):
        return text
    text = _JWT.sub("[token]", text)
    text = _RESIDENT_ID.sub(lambda m: mask_resident_id(m.group()), text)
    return _MOBILE.sub(lambda m: mask_mobile(m.group()), text)


def _masked_arg(arg: Any) -> Any:
    if isinstance(arg, (bool, int, float)) or arg is None:
        return arg
    text = str(arg)
    masked = mask_text(text)
    return arg if masked == text else masked


class MaskPersonalData(logging.Filter):
    """Masks the message, its arguments (kept as arguments: uvicorn's access formatter unpacks them) and the
    traceback of every record that passes the handler it sits on."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; never drops it."""
        if isinstance(record.msg, str):
            record.msg = mask_text(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked_arg(value) for key, value in record.args.items()}
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        return True


def install_log_masking() -> None:
    """Put the filter on every handler of the root, uvicorn and Litestar loggers (after logging is configured)."""
    for name in _LOGGERS:
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, MaskPersonalData) for f in handler.filters):
                handler.addFilter(MaskPersonalData())
