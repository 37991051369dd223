"""The one settings object, read from `LINGGONG_*` environment variables."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

__all__ = ["Settings", "SettingsError", "get_settings", "reset_settings"]

_PREFIX = "LINGGONG_"
_MIN_SECRET_LENGTH = 32
_KNOWN_WEAK_SECRETS = {"changeme", "secret", "development", "linggong", "please-change-me"}


class SettingsError(RuntimeError):
    """The environment does not describe a market that can start."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(_PREFIX + name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{_PREFIX}{name} must be an integer, got {raw!r}") from exc


def _env_non_negative(name: str, default: int) -> int:
    value = _env_int(name, default)
    if value < 0:
        raise SettingsError(f"{_PREFIX}{name} must not be negative, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything the market reads from its environment, decided once."""

    env: str = "development"
    """`development`, `test` or `production`; production refuses default secrets."""
    data_dir: Path = Path("var")
    """Where the embedded default keeps its SQLite file and generated keys."""
    database_url: str = ""
    """`sqlite:///path` or `postgresql://…`; empty means the SQLite file in the data dir."""
    redis_url: str | None = None
    """arq and shared stores run on Redis when set; otherwise jobs run in-process."""
    secret_key: str | None = None
    """Master secret; other keys are derived from it. Generated into the data dir outside production."""
    timezone: str = "Asia/Shanghai"
    """The market's zone: where local times are shown and reasoned about."""
    public_url: str = "http://127.0.0.1:8000"
    """Base URL printed on contracts and QR codes."""
    check_in_fence_m: int = 500
    """A check-in farther than this from the job's place is refused."""
    worker_free_cancel_hours: int = 12
    """A worker may cancel without it counting against them until this many hours before the start."""
    employer_free_cancel_hours: int = 24
    """An employer may cancel an accepted order without it counting until this many hours before the start."""
    no_show_grace_minutes: int = 60
    """The employer (or staff) may record a no-show this long after the start, if the worker has not checked in."""
    no_show_objection_hours: int = 72
    """A worker may object to a recorded no-show within this many hours of it being recorded."""
    token_ttl_hours: int = 24 * 7
    """How long a login token stays valid."""
    login_attempts_per_minute: int = 10
    """Login attempts allowed per phone number from one client address per minute (shared through Redis)."""
    login_attempts_per_address_per_minute: int = 100
    """Login and registration attempts allowed per client address per minute: looser, because a carrier's NAT or
    a station's Wi-Fi puts many people behind one address."""
    login_slowdown_per_phone_per_minute: int = 30
    """Logins to one phone number from all addresses per minute before each further one is held back (never
    refused: nobody can lock an owner out)."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or networks of reverse proxies whose X-Forwarded-For is believed; none by default."""
    id_number_changes_per_day: int = 5
    """Times a worker may try to set a different ID number in 24 hours; then 429 until a station verifies them."""
    password_hash_memory_kib: int = 65536
    """Argon2id memory cost; lowered only in tests."""
    password_hash_threads: int = 2
    """Threads per process that hash and check passwords, off the event loop; more logins at once wait their turn."""
    ca_dir: Path | None = None
    """Where the platform CA and seal live (mounted secrets in production); default `<data_dir>/ca`."""
    tsa_url: str | None = None
    """An RFC 3161 time-stamping authority; contracts get a trusted timestamp when set."""
    verify_attempts_per_address_per_minute: int = 10
    """Anonymous contract verifications (`POST /api/contracts/verify`, about 0.4 s of CPU each) per client address
    per minute, shared through Redis like the login limits."""
    sms_url: str | None = None
    """HTTP SMS gateway; unset means the development adapter that records texts in the database."""
    sms_template: str = '{"phone": "{phone}", "text": "{text}", "id": "{id}"}'
    """JSON body sent to the gateway; {phone}, {text} and {id} (the delivery id, for de-duplication) are filled in."""
    sms_token: str | None = None
    """Bearer token for the SMS gateway."""
    dispatch_max_attempts: int = 6
    """Deliveries are retried with back-off (30 s, 2, 8, 30 min, 2 h) and marked failed after this many attempts."""
    dispatch_claim_timeout_s: int = 120
    """A delivery claimed this long ago by a dispatcher that never finished (it died) is taken over by another."""
    contract_max_attempts: int = 10
    """An order's contract is tried this many times (at acceptance, then by recovery) before it is marked failed."""
    contract_retry_base_s: int = 60
    """Wait after a contract's first failed attempt; doubled after each further one, at most an hour."""
    static_dir: Path | None = None
    """Where the web front end lives; by default `static/` beside the source tree or in the working directory."""

    @property
    def zone(self) -> ZoneInfo:
        """The market's time zone object."""
        return ZoneInfo(self.timezone)

    @property
    def is_production(self) -> bool:
        """True when running for real users."""
        return self.env == "production"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file in use, or None on PostgreSQL."""
        if self.database_url.startswith("sqlite:///"):
            return Path(self.database_url.removeprefix("sqlite:///"))
        return None

    @property
    def is_postgres(self) -> bool:
        """True when the database is PostgreSQL."""
        return self.database_url.startswith(("postgres://", "postgresql://"))

    def check_for_production(self) -> None:
        """Refuse to run in production with a missing, default or short secret."""
        if not self.is_production:
            return
        secret = self.secret_key or ""
        if len(secret) < _MIN_SECRET_LENGTH or secret.lower() in _KNOWN_WEAK_SECRETS:
            raise SettingsError(
                f"production needs {_PREFIX}SECRET_KEY (or {_PREFIX}SECRET_KEY_FILE) of at least "
                f"{_MIN_SECRET_LENGTH} random characters"
            )
        if not self.is_postgres:
            raise SettingsError(f"production needs {_PREFIX}DATABASE_URL pointing at PostgreSQL")


def _trusted_proxies() -> tuple[str, ...]:
    raw = _env("TRUSTED_PROXIES", "") or ""
    proxies = tuple(item.strip() for item in raw.split(",") if item.strip())
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as exc:
            raise SettingsError(f"{_PREFIX}TRUSTED_PROXIES: {proxy!r} is not an IP address or network") from exc
    return proxies


def _read_secret() -> str | None:
    path = _env("SECRET_KEY_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"cannot read {_PREFIX}SECRET_KEY_FILE {path}: {exc.strerror}") from exc
    return _env("SECRET_KEY")


def _load() -> Settings:
    data_dir = Path(_env("DATA_DIR", "var") or "var").expanduser().resolve()
    database_url = _env("DATABASE_URL") or f"sqlite:///{data_dir / 'linggong.sqlite3'}"
    if not database_url.startswith(("sqlite:///", "postgres://", "postgresql://")):
        raise SettingsError(f"{_PREFIX}DATABASE_URL must start with sqlite:/// or postgresql://")
    timezone = _env("TIMEZONE", "Asia/Shanghai") or "Asia/Shanghai"
    try:
        ZoneInfo(timezone)
    except (KeyError, ValueError) as exc:
        raise SettingsError(f"{_PREFIX}TIMEZONE {timezone!r} is not a known time zone") from exc
    return Settings(
        env=_env("ENV", "development") or "development",
        data_dir=data_dir,
        database_url=database_url,
        redis_url=_env("REDIS_URL"),
        secret_key=_read_secret(),
        timezone=timezone,
        public_url=(_env("PUBLIC_URL", "http://127.0.0.1:8000") or "").rstrip("/"),
        check_in_fence_m=_env_non_negative("CHECK_IN_FENCE_M", 500),
        worker_free_cancel_hours=_env_non_negative("WORKER_FREE_CANCEL_HOURS", 12),
        employer_free_cancel_hours=_env_non_negative("EMPLOYER_FREE_CANCEL_HOURS", 24),
        no_show_grace_minutes=_env_non_negative("NO_SHOW_GRACE_MINUTES", 60),
        no_show_objection_hours=_env_non_negative("NO_SHOW_OBJECTION_HOURS", 72),
        token_ttl_hours=_env_int("TOKEN_TTL_HOURS", 24 * 7),
        login_attempts_per_minute=_env_int("LOGIN_ATTEMPTS_PER_MINUTE", 10),
        login_attempts_per_address_per_minute=_env_int("LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", 100),
        login_slowdown_per_phone_per_minute=_env_int("LOGIN_SLOWDOWN_PER_PHONE_PER_MINUTE", 30),
        trusted_proxies=_trusted_proxies(),
        id_number_changes_per_day=_env_int("ID_NUMBER_CHANGES_PER_DAY", 5),
        password_hash_memory_kib=_env_int("PASSWORD_HASH_MEMORY_KIB", 65536),
        password_hash_threads=max(1, _env_int("PASSWORD_HASH_THREADS", 2)),
        static_dir=Path(static) if (static := _env("STATIC_DIR")) else None,
        ca_dir=Path(ca_dir) if (ca_dir := _env("CA_DIR")) else None,
        tsa_url=_env("TSA_URL"),
        verify_attempts_per_address_per_minute=_env_int("VERIFY_ATTEMPTS_PER_ADDRESS_PER_MINUTE", 10),
        sms_url=_env("SMS_URL"),
        sms_template=_env("SMS_TEMPLATE", '{"phone": "{phone}", "text": "{text}", "id": "{id}"}') or "",
        sms_token=_env("SMS_TOKEN"),
        dispatch_max_attempts=_env_int("DISPATCH_MAX_ATTEMPTS", 6),
        dispatch_claim_timeout_s=_env_int("DISPATCH_CLAIM_TIMEOUT_S", 120),
        contract_max_attempts=max(1, _env_int("CONTRACT_MAX_ATTEMPTS", 10)),
        contract_retry_base_s=max(1, _env_int("CONTRACT_RETRY_BASE_S", 60)),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings for this process, read once from the environment."""
    return _load()


def reset_settings() -> None:
    """Forget the cached settings so the next call re-reads the environment (tests, CLI options)."""
    get_settings.cache_clear()
