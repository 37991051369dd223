"""The public page a contract's QR code opens: number, masked parties, status and hash — nothing more."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from market.contracts.tables import Contract
from market.core.i18n import pick_language
from market.core.identity import mask_name
from market.settings import get_settings

__all__ = ["local_time", "verify_page_html"]

_TEXT = {
    "zh-CN": {"title": "电子合同核验", "number": "合同编号", "status": "状态", "issued": "签署时间",
              "worker": "劳务提供方", "employer": "用工方", "hash": "文件指纹（SHA-256）", "job": "工作内容",
              "issued_status": "有效", "cancelled_status": "已解除", "missing": "未找到该合同，请核对二维码或链接。",
              "hint": "核对您手中PDF的SHA-256与上方一致；也可以{link}，检查签名是否完整、内容是否被改动。",
              "upload": "上传合同PDF核验", "beijing": "北京时间"},
    "en": {"title": "Contract verification", "number": "Contract number", "status": "Status", "issued": "Signed at",
           "worker": "Worker", "employer": "Employer", "hash": "File fingerprint (SHA-256)", "job": "Work",
           "issued_status": "In force", "cancelled_status": "Cancelled", "missing": "No such contract.",
           "hint": "Compare your PDF's SHA-256 with the one above, or {link} to check its signatures and that "
                   "nothing was changed.", "upload": "upload the contract PDF", "beijing": "Beijing time"},
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UPLOAD_SCREEN = "/#/verify"
"""The front end's verification screen, where anyone can upload a PDF (`js/verify.js`)."""
_STYLE = ("body{font:17px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;margin:0;padding:16px;color:#1b1b1b}"
          "main{max-width:36em;margin:auto}h1{font-size:1.4em}dt{color:#555;margin-top:.8em}"
          "dd{margin:0;font-weight:600;overflow-wrap:anywhere}.ok{color:#0a7a2f}.bad{color:#b3261e}")


async def verify_page_html(token: str, accept_language: str | None) -> tuple[int, str]:
    """The status code and HTML of the verification page for `token`."""
    language = pick_language(accept_language)
    text = _TEXT[language]
    row: dict[str, Any] | None = await Contract.select(
        Contract.number, Contract.status, Contract.sha256, Contract.issued_at,
        Contract.order.job.title.as_alias("title"),  # type: ignore[union-attr]
        Contract.order.worker.name.as_alias("worker"),  # type: ignore[union-attr]
        Contract.order.job.employer.name.as_alias("employer"),  # type: ignore[union-attr]
    ).where(Contract.verify_token == token).first()
    if row is None:
        body = f"<p class=bad>{escape(text['missing'])}</p>"
        return 404, _page(language, text["title"], body)
    status_class = "ok" if row["status"] == "issued" else "bad"
    items = [(text["number"], row["number"]),
             (text["status"], text[f"{row['status']}_status"] if f"{row['status']}_status" in text else row["status"]),
             (text["issued"], local_time(row["issued_at"], language)), (text["job"], row["title"]),
             (text["worker"], mask_name(row["worker"])), (text["employer"], row["employer"]),
             (text["hash"], row["sha256"])]
    rows = "".join(f"<dt>{escape(k)}</dt><dd{' class=' + status_class if k == text['status'] else ''}>"
                   f"{escape(str(v))}</dd>" for k, v in items)
    link = f"<a href='{_UPLOAD_SCREEN}'>{escape(text['upload'])}</a>"
    hint = escape(text["hint"]).replace("{link}", link)
    return 200, _page(language, text["title"], f"<dl>{rows}</dl><p>{hint}</p>")


def local_time(at: datetime, language: str) -> str:
    """`at` in the market's zone for people: `2026年12月1日 15:22（北京时间，UTC+8）`, `1 Dec 2026, 15:22 (…)`."""
    settings = get_settings()
    local = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(settings.zone)
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    utc = f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
    zone = _TEXT[language]["beijing"] if settings.timezone == "Asia/Shanghai" else settings.timezone
    if language == "en":
        return f"{local.day} {_MONTHS[local.month - 1]} {local.year}, {local:%H:%M} ({zone}, {utc})"
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}（{zone}，{utc}）"


def _page(language: str, title: str, body: str) -> str:
    return (f"<!doctype html><html lang={language}><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><main><h1>{escape(title)}</h1>{body}</main></body></html>")
