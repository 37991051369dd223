"""The one settings object, read from `LINGGONG_*` environment variables.

Each setting is written once, as a field of `Settings`: its default, its attribute docstring and, in the field's
metadata, how its variable is read (`_read(...)`). `load_settings()` walks the fields; nothing else lists them.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["Settings", "SettingsError", "get_settings", "load_settings", "reset_settings", "variables"]

_PREFIX = "LINGGONG_"
_MIN_SECRET_LENGTH = 32
_KNOWN_WEAK_SECRETS = {"changeme", "secret", "development", "linggong", "please-change-me"}

Parse = Callable[[str, str], Any]
"""Turns a variable's text into the setting's value; given the text and the variable's full name (for errors)."""
Finish = Callable[[Any, Mapping[str, Any]], Any]
"""Completes a value, read or default, given the settings decided before it (fields are read in order)."""


class SettingsError(RuntimeError):
    """The environment does not describe a market that can start."""


def _read(parse: Parse | None = None, *, finish: Finish | None = None, from_file: bool = False) -> dict[str, Any]:
    """Field metadata saying how a setting's variable is read.

    `parse` turns the text into the value (by default chosen from the field's type: text, integer or path);
    `finish` completes the value, the default included; with `from_file`, `LINGGONG_<NAME>_FILE` names a file
    whose contents are the value, and wins over `LINGGONG_<NAME>`.
    """
    return {"parse": parse, "finish": finish, "from_file": from_file}


def _text(raw: str, name: str) -> str:
    return raw


def _integer(raw: str, name: str) -> int:
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc


def _non_negative(raw: str, name: str) -> int:
    value = _integer(raw, name)
    if value < 0:
        raise SettingsError(f"{name} must not be negative, got {value}")
    return value


def _at_least_one(raw: str, name: str) -> int:
    return max(1, _integer(raw, name))


def _positive_number(raw: str, name: str) -> float:
    try:
        value = float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from exc
    if not value > 0:
        raise SettingsError(f"{name} must be above 0, got {raw!r}")
    return value


def _path(raw: str, name: str) -> Path:
    return Path(raw)


def _networks(raw: str, name: str) -> tuple[str, ...]:
    proxies = tuple(item.strip() for item in raw.split(",") if item.strip())
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as exc:
            raise SettingsError(f"{name}: {proxy!r} is not an IP address or network") from exc
    return proxies


def _zone_name(raw: str, name: str) -> str:
    try:
        ZoneInfo(raw)
    except (KeyError, ValueError) as exc:
        raise SettingsError(f"{name} {raw!r} is not a known time zone") from exc
    return raw


def _tile_template(raw: str, name: str) -> str | None:
    template = raw.strip()
    if not template:
        return None
    if not template.startswith(("https://", "http://", "/")) or any(
            part not in template for part in ("{z}", "{x}", "{y}")):
        raise SettingsError(f"{name} must be an http(s) or same-site URL holding {{z}}, {{x}} and {{y}}, "
                            f"got {raw!r}")
    return template


def _datum(raw: str, name: str) -> str:
    if raw not in ("wgs84", "gcj02"):
        raise SettingsError(f"{name} must be wgs84 or gcj02, got {raw!r}")
    return raw


def _resolved(value: Path, _: Mapping[str, Any]) -> Path:
    return value.expanduser().resolve()


def _database_url(value: str, decided: Mapping[str, Any]) -> str:
    url = value or f"sqlite:///{decided['data_dir'] / 'linggong.sqlite3'}"
    if not url.startswith(("sqlite:///", "postgres://", "postgresql://")):
        raise SettingsError(f"{_PREFIX}DATABASE_URL must start with sqlite:/// or postgresql://")
    return url


def _no_trailing_slash(value: str, _: Mapping[str, Any]) -> str:
    return value.rstrip("/")


_PARSE_BY_TYPE: dict[str, Parse] = {"str": _text, "str | None": _text, "int": _integer, "Path": _path,
                                    "Path | None": _path}


@dataclass(frozen=True)
class Settings:
    """Everything the market reads from its environment, decided once."""

    env: str = "development"
    """`development`, `test` or `production`; production refuses default secrets."""
    data_dir: Path = field(default=Path("var"), metadata=_read(finish=_resolved))
    """Where the embedded default keeps its SQLite file and generated keys."""
    database_url: str = field(default="", metadata=_read(finish=_database_url))
    """`sqlite:///path` or `postgresql://…`; empty means the SQLite file in the data dir."""
    redis_url: str | None = None
    """arq and shared stores run on Redis when set; otherwise jobs run in-process."""
    secret_key: str | None = field(default=None, metadata=_read(from_file=True))
    """Master secret; other keys are derived from it. Generated into the data dir outside production."""
    timezone: str = field(default="Asia/Shanghai", metadata=_read(_zone_name))
    """The market's zone: where local times are shown and reasoned about."""
    public_url: str = field(default="http://127.0.0.1:8000", metadata=_read(finish=_no_trailing_slash))
    """Base URL printed on contracts and QR codes."""
    check_in_fence_m: int = field(default=500, metadata=_read(_non_negative))
    """A check-in farther than this from the job's place is refused."""
    address_position_tolerance_m: int = field(default=2000, metadata=_read(_non_negative))
    """How far a position may lie outside the extent of the city place its typed address names (a gazetteer
    match) before the poster must confirm it (`confirm_far_position`)."""
    map_tiles: str | None = field(default=None, metadata=_read(_tile_template))
    """A map tile URL with `{z}`, `{x}` and `{y}` (the bureau's own tile server, or a provider it is licensed to
    use); when set, the address pickers offer a map to drop a pin on. Unset (the default): no map is drawn and no
    tile is fetched from anywhere."""
    map_tiles_datum: str = field(default="wgs84", metadata=_read(_datum))
    """The datum the tiles are drawn in: `wgs84` (OpenStreetMap-style servers) or `gcj02` (the tiles of Chinese
    map providers). A pin is turned back into WGS-84 before it is sent, so stored positions are WGS-84 either way."""
    map_attribution: str = ""
    """The credit line the tile source asks to be shown on the map (e.g. "© OpenStreetMap contributors")."""
    worker_free_cancel_hours: int = field(default=12, metadata=_read(_non_negative))
    """A worker may cancel without it counting against them until this many hours before the start."""
    employer_free_cancel_hours: int = field(default=24, metadata=_read(_non_negative))
    """An employer may cancel an accepted order without it counting until this many hours before the start."""
    no_show_grace_minutes: int = field(default=60, metadata=_read(_non_negative))
    """The employer (or staff) may record a no-show this long after the start, if the worker has not checked in."""
    no_show_objection_hours: int = field(default=72, metadata=_read(_non_negative))
    """A worker may object to a recorded no-show within this many hours of it being recorded."""
    wage_yellow_working_days: int = field(default=3, metadata=_read(_at_least_one))
    """An unpaid order this many working days past its pay-by time turns its warning yellow (the station is told)."""
    wage_red_working_days: int = field(default=7, metadata=_read(_at_least_one))
    """...and this many turns it red (the supervisors are told and a wage case opens)."""
    wage_red_workers: int = field(default=3, metadata=_read(_at_least_one))
    """A warning turns red at once when the employer owes this many workers in it."""
    wage_red_amount_fen: int = field(default=500_000, metadata=_read(_at_least_one))
    """A warning turns red at once when what it covers comes to this much (fen; ¥5,000 by default)."""
    workday_refresh_s: int = field(default=10, metadata=_read(_non_negative))
    """Each process re-reads the working-day corrections at most this many seconds after another process changed
    them (its own changes count at once)."""
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
    sms_codes_per_phone_per_hour: int = field(default=5, metadata=_read(_at_least_one))
    """Sign-in, sign-up and reset codes texted to one phone number in an hour (one a minute at most)."""
    sms_codes_per_address_per_hour: int = field(default=60, metadata=_read(_at_least_one))
    """Sign-in, sign-up and reset codes one client address may have texted in an hour, to any numbers: loose,
    because a carrier's NAT or a station's Wi-Fi puts many people behind one address."""
    trusted_proxies: tuple[str, ...] = field(default=(), metadata=_read(_networks))
    """Addresses or networks of reverse proxies whose X-Forwarded-For is believed; none by default."""
    id_number_changes_per_day: int = 5
    """Times a worker may try to set a different ID number in 24 hours; then 429 until a station verifies them."""
    password_hash_memory_kib: int = 65536
    """Argon2id memory cost; lowered only in tests."""
    password_hash_threads: int = field(default=2, metadata=_read(_at_least_one))
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
    contract_max_attempts: int = field(default=10, metadata=_read(_at_least_one))
    """An order's contract is tried this many times (at acceptance, then by recovery) before it is marked failed."""
    contract_retry_base_s: int = field(default=60, metadata=_read(_at_least_one))
    """Wait after a contract's first failed attempt; doubled after each further one, at most an hour."""
    static_dir: Path | None = None
    """Where the web front end lives; by default `static/` beside the source tree or in the working directory."""
    case_received_days: int = field(default=1, metadata=_read(_at_least_one))
    """Working days a wage case may wait, received (受理), for an owner at a station (交办)."""
    case_assigned_days: int = field(default=1, metadata=_read(_at_least_one))
    """Working days the owner has, once assigned, to start handling (办理): a note, a letter, a contact."""
    case_handling_days: int = field(default=5, metadata=_read(_at_least_one))
    """Working days a case may be in handling before it must be closed (办结)."""
    case_closed_days: int = field(default=3, metadata=_read(_at_least_one))
    """Working days claimants have to answer the follow-up in the app before staff must phone them (回访)."""
    case_follow_up_days: int = field(default=5, metadata=_read(_at_least_one))
    """Working days staff have to finish the follow-up by phone once it is theirs."""
    case_reminder_percent: int = field(default=60, metadata=_read(_at_least_one))
    """The owner is reminded when this share (percent) of a state's working time is used."""
    case_repeat_window_days: int = field(default=90, metadata=_read(_at_least_one))
    """Calendar days in which an employer's cases are counted for the repeat rule."""
    case_repeat_count: int = field(default=3, metadata=_read(_at_least_one))
    """An employer with this many cases opened in the window goes to the labour bureau at once."""
    case_attachment_max_bytes: int = field(default=1024 * 1024, metadata=_read(_at_least_one))
    """Largest photo or PDF attached to a case (the request body limit bounds them too)."""
    # issue 13: ratings and worker reliability (market/reputation, docs/reputation.md)
    rating_window_days: int = field(default=14, metadata=_read(_at_least_one))
    """Days after an order is completed in which each party may rate the other."""
    rating_change_hours: int = field(default=24, metadata=_read(_non_negative))
    """Hours after giving a rating in which it may still be changed; later it is fixed (409 `rating_locked`)."""
    rating_min_count: int = field(default=3, metadata=_read(_at_least_one))
    """Ratings a person needs in the window before their average stars and top tags are shown."""
    reputation_window_days: int = field(default=90, metadata=_read(_at_least_one))
    """The rolling window of reliability and reputation: orders, no-shows, late cancels and ratings in it."""
    reputation_new_below: int = field(default=3, metadata=_read(_at_least_one))
    """Someone with fewer finished orders than this in the window is `new`: a neutral value, no average."""
    # issue 13: tiered job alerts (market/alerts, docs/alerts.md)
    alert_ranked_after_min: int = field(default=10, metadata=_read(_non_negative))
    """Minutes after a job is posted before its best-ranked candidates hear of it (its employer's pool at once)."""
    alert_nearby_after_min: int = field(default=20, metadata=_read(_non_negative))
    """Minutes after a job is posted before the rest of the workers within range hear of it."""
    alert_ranked_top: int = field(default=20, metadata=_read(_at_least_one))
    """How many of the best-ranked candidates make up the second tier."""
    alert_nearby_max: int = field(default=200, metadata=_read(_at_least_one))
    """At most this many further workers within range are alerted in the third tier."""
    alert_max_attempts: int = field(default=6, metadata=_read(_at_least_one))
    """A tier or an alert that fails is retried with back-off (1, 2, 4 … minutes) this many times, then given up."""

    credit_window_days: int = field(default=365, metadata=_read(_at_least_one))
    """Employer credit grades (docs/credit.md) look back this many calendar days (12 months)."""
    credit_min_deals: int = field(default=5, metadata=_read(_non_negative))
    """Completed deals an employer needs in the window before the counting rules move them off grade B."""
    credit_min_ratings: int = field(default=5, metadata=_read(_at_least_one))
    """Workers' ratings needed before their average counts for or against a grade."""
    credit_response_working_days: int = field(default=5, metadata=_read(_at_least_one))
    """Working days an employer has to answer a notice of a fall to C or D before the fall takes effect."""
    credit_c_open_jobs: int = field(default=3, metadata=_read(_at_least_one))
    """Open jobs an employer graded C (信用预警) may have at once; posting another is refused."""
    credit_d_months: int = field(default=12, metadata=_read(_at_least_one))
    """Months a D (失信) stands before the employer may ask for it to be lifted (the date on the barred list)."""
    # issue 14: training suggestions (market/courses, docs/courses.md)
    course_short_ratio: float = field(default=1.5, metadata=_read(_positive_number))
    """A trade is short in a district when its weekly 求人倍率 (places per worker) is above this every week of the
    last `course_short_weeks` market weeks."""
    course_short_weeks: int = field(default=3, metadata=_read(_at_least_one))
    """How many ended weeks in a row the ratio must stay above `course_short_ratio` for the trade to be short."""
    course_suggestion_gap_days: int = field(default=30, metadata=_read(_at_least_one))
    """A worker is suggested a course at most once in this many days (the month of "at most once a month")."""

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


def variables() -> Iterator[tuple[str, Any]]:
    """Every setting's environment variable with its default, in the order of `Settings`' fields."""
    for spec in fields(Settings):
        yield _PREFIX + spec.name.upper(), spec.default


def _raw(name: str, from_file: bool, environ: Mapping[str, str]) -> str | None:
    if from_file and (path := environ.get(f"{name}_FILE")):
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"cannot read {name}_FILE {path}: {exc.strerror}") from exc
    value = environ.get(name)
    return value if value else None  # set but empty counts as unset


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings read from `environ` (the process's environment by default); SettingsError names a bad variable."""
    environ = os.environ if environ is None else environ
    decided: dict[str, Any] = {}
    for spec in fields(Settings):
        name = _PREFIX + spec.name.upper()
        how = spec.metadata or _read()
        raw = _raw(name, how["from_file"], environ)
        parse = how["parse"] or _PARSE_BY_TYPE.get(str(spec.type))
        if parse is None:
            raise TypeError(f"Settings.{spec.name}: no parser for {spec.type}; give one with _read(parse)")
        value = spec.default if raw is None else parse(raw, name)
        decided[spec.name] = how["finish"](value, decided) if how["finish"] else value
    return Settings(**decided)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings for this process, read once from the environment."""
    return load_settings()


def reset_settings() -> None:
    """Forget the cached settings so the next call re-reads the environment (tests, CLI options)."""
    get_settings.cache_clear()
