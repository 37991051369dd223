"""Each party's signing certificate and key: issued by the platform CA on first need, stored encrypted."""

from __future__ import annotations

import asyncio

from contracts import Credential, PartyRole, SignerKey
from market.contracts.authority import party_passphrase, platform_authority
from market.contracts.tables import SigningCredential

__all__ = ["signer_key_for"]


def _label(user_id: int) -> str:
    return f"party-{user_id}"


async def signer_key_for(user_id: int, role: PartyRole, display_name: str) -> SignerKey:
    """The party's key, unlocked for the act being signed now; issued (and stored) the first time it is needed."""
    row = await SigningCredential.select().where(SigningCredential.user == user_id).first()
    if row is None:
        credential = await asyncio.to_thread(platform_authority().issue, role, display_name, f"user-{user_id}",
                                             party_passphrase(_label(user_id)))
        await SigningCredential.insert(SigningCredential(
            user=user_id, role=role.value, cert_pem=credential.cert_pem.decode(), key_pem=credential.key_pem.decode(),
        )).on_conflict(target=SigningCredential.user, action="DO NOTHING")
        row = await SigningCredential.select().where(SigningCredential.user == user_id).first()
        assert row is not None
    credential = Credential(cert_pem=row["cert_pem"].encode(), key_pem=row["key_pem"].encode())
    return SignerKey(credential=credential, passphrase=party_passphrase(_label(user_id)))
