"""The public page a contract's QR code opens: number, masked parties, status and hash, and the way to complain
about the order's wages (投诉欠薪): straight into the app's form for its worker, through sign-in for anyone else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import quote

from market.contracts.tables import Contract
from market.core.i18n import Phrase, pick_language, translate
from market.core.identity import mask_name
from market.core.messages import MESSAGES
from market.core.zone import local, utc_offset, zone_label

__all__ = ["complaint_screen", "local_time", "verify_page_html"]

_UPLOAD_SCREEN = "/#/verify"
"""The front end's verification screen, where anyone can upload a PDF (`js/verify.js`)."""
_STYLE = (".button{display:inline-block;padding:.6em 1.2em;border-radius:10px;background:#0b5394;color:#fff;"
          "font-weight:700;text-decoration:none}section{margin-top:1.5em;padding:1em;border:1px solid #e6cf8b;"
          "border-radius:10px;background:#fff8e1}h2{font-size:1.15em;margin:0 0 .4em}"
          "body{font:17px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;margin:0;padding:16px;color:#1b1b1b}"
          "main{max-width:36em;margin:auto}h1{font-size:1.4em}dt{color:#555;margin-top:.8em}"
          "dd{margin:0;font-weight:600;overflow-wrap:anywhere}.ok{color:#0a7a2f}.bad{color:#b3261e}")


def complaint_screen(order_id: int) -> str:
    """The app's complaint form for one order (`js/complaint.js`), as a path after the app's `#`."""
    return f"/complaint/{order_id}"


def _complaint(order_id: int, worker_id: int, viewer_id: int | None, text: Callable[[str], str]) -> str:
    """The 投诉欠薪 box: the form itself for the order's worker, else sign-in (password or SMS code) that returns
    to the form. Nothing about the viewer is shown."""
    screen = complaint_screen(order_id)
    if viewer_id == worker_id:
        intro, href, label = text("complain_yours"), f"/#{screen}", text("complain")
    else:
        intro, label = text("complain_sign_in_first"), text("complain_login")
        href = f"/#/login?next={quote(screen, safe='')}"
    return (f"<section><h2>{escape(text('complain_title'))}</h2><p>{escape(intro)}</p>"
            f"<p><a class=button href='{escape(href)}'>{escape(label)}</a></p>"
            f"<p>{escape(text('complain_other_ways'))}</p></section>")


async def verify_page_html(token: str, accept_language: str | None, viewer_id: int | None = None) -> tuple[int, str]:
    """The status code and HTML of the verification page for `token`; `viewer_id` is who is signed in, if anyone
    (the order's worker gets the complaint form directly)."""
    language = pick_language(accept_language)

    def text(key: str) -> str:
        return translate(f"verify_page.{key}", language)

    row: dict[str, Any] | None = await Contract.select(
        Contract.number, Contract.status, Contract.sha256, Contract.issued_at,
        Contract.order.id.as_alias("order_id"),  # type: ignore[union-attr]
        Contract.order.worker.id.as_alias("worker_id"),  # type: ignore[union-attr]
        Contract.order.job.title.as_alias("title"),  # type: ignore[union-attr]
        Contract.order.worker.name.as_alias("worker"),  # type: ignore[union-attr]
        Contract.order.job.employer.name.as_alias("employer"),  # type: ignore[union-attr]
    ).where(Contract.verify_token == token).first()
    if row is None:
        body = f"<p class=bad>{escape(text('missing'))}</p>"
        return 404, _page(language, text("title"), body)
    status_class = "ok" if row["status"] == "issued" else "bad"
    status = f"verify_page.status_{row['status']}"
    items = [(text("number"), row["number"]),
             (text("status"), translate(status, language) if status in MESSAGES else row["status"]),
             (text("issued"), local_time(row["issued_at"], language)), (text("job"), row["title"]),
             (text("worker"), mask_name(row["worker"])), (text("employer"), row["employer"]),
             (text("hash"), row["sha256"])]
    rows = "".join(f"<dt>{escape(k)}</dt><dd{' class=' + status_class if k == text('status') else ''}>"
                   f"{escape(str(v))}</dd>" for k, v in items)
    link = f"<a href='{_UPLOAD_SCREEN}'>{escape(text('upload'))}</a>"
    hint = escape(translate("verify_page.hint", language, link="{link}")).replace("{link}", link)
    complaint = _complaint(row["order_id"], row["worker_id"], viewer_id, text) if row["status"] == "issued" else ""
    return 200, _page(language, text("title"), f"<dl>{rows}</dl><p>{hint}</p>{complaint}")


def local_time(at: datetime, language: str) -> str:
    """`at` in the market's zone for people: `2026年12月1日 15:22（北京时间，UTC+8）`, `1 Dec 2026, 15:22 (…)`."""
    moment = local(at)
    return translate("verify_page.signed_at", language, year=moment.year, month=Phrase(f"month.{moment.month}"),
                     day=moment.day, time=f"{moment:%H:%M}", zone=zone_label(language), offset=utc_offset(at))


def _page(language: str, title: str, body: str) -> str:
    return (f"<!doctype html><html lang={language}><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><main><h1>{escape(title)}</h1>{body}</main></body></html>")
