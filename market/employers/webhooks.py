"""An employer's webhook: where to POST their events, with a secret to check our HMAC signature."""

from __future__ import annotations

import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

from market.core.errors import Invalid
from market.employers.services import ensure_employer
from market.employers.tables import Employer
from market.settings import get_settings

__all__ = ["set_webhook"]


def _check_url(url: str) -> None:
    """Refuse URLs the server must not call: wrong scheme, and in production anything on a private network."""
    parts = urlsplit(url)
    production = get_settings().is_production
    if parts.scheme not in (("https",) if production else ("https", "http")) or not parts.hostname:
        raise Invalid.field("url", "webhook_url")
    if not production:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except OSError:
        raise Invalid.field("url", "webhook_url") from None
    for address in addresses:
        ip = ipaddress.ip_address(address)
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise Invalid.field("url", "webhook_url")


async def set_webhook(employer_id: int, url: str | None) -> tuple[str, str]:
    """Set (or clear, with None) the employer's webhook; a new secret is made each time and shown only now."""
    await ensure_employer(employer_id)
    if not url:
        await Employer.update({Employer.webhook_url: "", Employer.webhook_secret: ""}).where(
            Employer.user == employer_id)
        return "", ""
    url = url.strip()
    _check_url(url)
    secret = secrets.token_urlsafe(32)
    await Employer.update({Employer.webhook_url: url, Employer.webhook_secret: secret}).where(
        Employer.user == employer_id)
    return url, secret
