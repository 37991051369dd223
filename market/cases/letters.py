"""STUB, to be replaced at merge by the letters module of branch i12-screens (提醒函 / 督办函 PDFs).

Only so that the cases backend and its tests run before that branch is merged: `render_letter(kind, facts)` must
return the PDF's bytes; this stand-in returns a one-page PDF without the letter's text.
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_letter"]


def render_letter(kind: str, facts: dict[str, Any]) -> bytes:
    """STUB: a minimal blank PDF (the real module renders the letter from `facts`)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
