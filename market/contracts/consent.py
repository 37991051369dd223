"""A walk-in's consent at the station: a one-time code sent to their phone, or a signature drawn on the screen."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from market.accounts.tables import Role, User
from market.contracts.tables import ConsentCode, ConsentEvidence
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Invalid, NotFound
from market.core.identity import mask_mobile
from market.core.keys import get_keyring
from market.jobs.tables import Job
from market.notifications.outbox import announce

__all__ = ["Evidence", "check_walk_in_consent", "record_evidence", "send_consent_code"]

CODE_TTL = timedelta(minutes=10)
MAX_ATTEMPTS = 5
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_MAX_PNG = 512 * 1024


@dataclass(frozen=True)
class Evidence:
    """What shows the walk-in agreed: the drawn signature (PNG) or the phone the verified code went to."""

    signature_png: bytes | None = None
    code_sent_to: str = ""


def _code_hash(code: str, worker_id: int, job_id: int) -> str:
    message = f"{worker_id}:{job_id}:{code}".encode()
    return hmac.new(get_keyring().personal_hash_key, message, hashlib.sha256).hexdigest()


async def send_consent_code(worker_id: int, job_id: int, staff_id: int) -> str:
    """Text a six-digit code to the walk-in for this job; return the masked phone it goes to."""
    worker = await User.select(User.phone).where((User.id == worker_id) & (User.role == Role.worker)).first()
    if worker is None:
        raise Invalid.field("worker_id", "not_a_worker")
    job = await Job.select(Job.title).where(Job.id == job_id).first()
    if job is None:
        raise NotFound("job_not_found")
    code = f"{secrets.randbelow(1_000_000):06d}"
    async with write_transaction():
        entry = ConsentCode(worker=worker_id, job=job_id, staff=staff_id, code_hash=_code_hash(code, worker_id, job_id),
                            expires_at=clock.now() + CODE_TTL, created_at=clock.now())
        await entry.save()
        await announce("consent_code", [worker_id], {"code": code, "job_id": job_id, "title": job["title"]},
                       key=str(entry.id))
    return mask_mobile(worker["phone"])


def _signature(png_base64: str | None) -> bytes:
    if not png_base64:
        raise Invalid.field("signature_png", "required")
    try:
        png = base64.b64decode(png_base64, validate=True)
    except (binascii.Error, ValueError):
        raise Invalid.field("signature_png", "bad_value") from None
    if not png.startswith(_PNG_MAGIC) or len(png) > _MAX_PNG:
        raise Invalid.field("signature_png", "bad_value")
    return png


async def _verified_code(code: str | None, worker_id: int, job_id: int) -> str:
    if not code:
        raise Invalid.field("consent_code", "required")
    entry = await ConsentCode.select().where(
        (ConsentCode.worker == worker_id) & (ConsentCode.job == job_id) & ConsentCode.used_at.is_null()
        & (ConsentCode.expires_at > clock.now()) & (ConsentCode.attempts < MAX_ATTEMPTS)
    ).order_by(ConsentCode.id, ascending=False).first()
    if entry is None:
        raise Invalid.field("consent_code", "code_expired")
    if not hmac.compare_digest(entry["code_hash"], _code_hash(code.strip(), worker_id, job_id)):
        await ConsentCode.update({ConsentCode.attempts: ConsentCode.attempts + 1}).where(ConsentCode.id == entry["id"])
        raise Invalid.field("consent_code", "code_wrong")
    await ConsentCode.update({ConsentCode.used_at: clock.now()}).where(ConsentCode.id == entry["id"])
    phone = await User.select(User.phone).where(User.id == worker_id).first()
    return mask_mobile(phone["phone"]) if phone else ""


async def check_walk_in_consent(method: str, worker_id: int, job_id: int, signature_png: str | None,
                                consent_code: str | None) -> Evidence:
    """Check the walk-in's consent for this job (inside the accept transaction); the evidence to keep."""
    if method == "staff_signature":
        return Evidence(signature_png=_signature(signature_png))
    return Evidence(code_sent_to=await _verified_code(consent_code, worker_id, job_id))


async def record_evidence(order_id: int, evidence: Evidence) -> None:
    """Keep the evidence with the order, in the accept transaction."""
    await ConsentEvidence(order=order_id, signature_png=evidence.signature_png, code_sent_to=evidence.code_sent_to,
                          verified_at=clock.now()).save()
