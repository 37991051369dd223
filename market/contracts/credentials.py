"""Each party's signing certificate and key, issued by the platform CA in the name the party signs with.

A credential is issued ahead of the first contract (when an account is registered, a profile named, a job posted)
so accepting does not wait for a new key, and again whenever the party's name changes. The row is read at every
signing, so every process signs with the stored credential; unlocking it is cached by the contracts library.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from contracts import Credential, PartyRole, SignerKey, common_name_for, holder_name
from market.accounts.tables import User
from market.contracts.authority import party_passphrase, platform_authority
from market.contracts.tables import SigningCredential
from market.core import clock
from market.employers.tables import Employer
from market.workers.tables import WorkerProfile

__all__ = ["name_on_contracts", "prepare_credential", "signer_keys_for", "signing_name", "stored_credentials"]

logger = logging.getLogger("market.contracts")

_PARTY_ROLES = frozenset({"worker", "employer"})


def _label(user_id: int) -> str:
    return f"party-{user_id}"


async def _issue(user_id: int, role: PartyRole, name: str, *, replacing: bool) -> dict[str, str]:
    credential = await asyncio.to_thread(platform_authority().issue, role, name, f"user-{user_id}",
                                         party_passphrase(_label(user_id)))
    row = {"cert_pem": credential.cert_pem.decode(), "key_pem": credential.key_pem.decode()}
    if replacing:  # renamed: contracts already signed keep the old certificate embedded, so nothing needs it
        await SigningCredential.update({SigningCredential.cert_pem: row["cert_pem"],
                                        SigningCredential.key_pem: row["key_pem"],
                                        SigningCredential.created_at: clock.now()}).where(
            SigningCredential.user == user_id)
        return row
    await SigningCredential.insert(SigningCredential(user=user_id, role=role.value, cert_pem=row["cert_pem"],
                                                    key_pem=row["key_pem"])).on_conflict(
        target=SigningCredential.user, action="DO NOTHING")
    stored = await SigningCredential.select(SigningCredential.cert_pem, SigningCredential.key_pem).where(
        SigningCredential.user == user_id).first()  # another process may have issued one first: use the stored one
    assert stored is not None
    return stored


async def stored_credentials(user_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The stored certificate and encrypted key of each of these users that has one (a read only)."""
    rows = await SigningCredential.select(SigningCredential.user, SigningCredential.cert_pem,
                                          SigningCredential.key_pem).where(SigningCredential.user.is_in(list(user_ids)))
    return {row["user"]: row for row in rows}


async def signer_keys_for(parties: Sequence[tuple[int, PartyRole, str]],
                          stored: dict[int, dict[str, Any]] | None = None) -> list[SignerKey]:
    """Each party's (user id, role, name) key under a certificate in that name, for the act being signed now.

    `stored` is what `stored_credentials` read for them (read now if not given); a party without a credential,
    or whose name changed, is issued a new one first.
    """
    rows = stored if stored is not None else await stored_credentials([user_id for user_id, _, _ in parties])
    keys = []
    for user_id, role, name in parties:
        row = rows.get(user_id)
        if row is None or holder_name(row["cert_pem"].encode()) != common_name_for(name):
            row = await _issue(user_id, role, name, replacing=row is not None)
        credential = Credential(cert_pem=row["cert_pem"].encode(), key_pem=row["key_pem"].encode())
        keys.append(SignerKey(credential=credential, passphrase=party_passphrase(_label(user_id))))
    return keys


def name_on_contracts(own_name: str | None, account_name: str) -> str:
    """The name a party signs with: their own (a worker's real name, an employer's registered name), else the
    account's. Drafting and certificates share it, so a certificate is reissued only when the name really changes."""
    return own_name or account_name


async def signing_name(user_id: int) -> tuple[PartyRole, str] | None:
    """The role and name a party signs contracts with (as drafting words them); None for staff."""
    user = await User.select(User.role, User.name).where(User.id == user_id).first()
    if user is None or user["role"] not in _PARTY_ROLES:
        return None
    if user["role"] == "worker":
        named = await WorkerProfile.select(WorkerProfile.real_name).where(WorkerProfile.user == user_id).first()
        return PartyRole.WORKER, name_on_contracts((named or {}).get("real_name"), user["name"])
    named = await Employer.select(Employer.name).where(Employer.user == user_id).first()
    return PartyRole.EMPLOYER, name_on_contracts((named or {}).get("name"), user["name"])


async def prepare_credential(user_id: int) -> None:
    """Have the party's credential ready before their first contract; a failure is logged, and signing retries."""
    try:
        found = await signing_name(user_id)
        if found is not None:
            await signer_keys_for([(user_id, *found)])
    except Exception:
        logger.exception("signing credential for user %s not prepared; it will be issued at signing", user_id)
