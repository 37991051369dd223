"""Settings refuse unsafe production set-ups and read secrets from files; personal data is sealed with authenticated
encryption bound to its column; the request language is picked from Accept-Language."""

from __future__ import annotations

import base64
from dataclasses import fields
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag

from market.core.i18n import pick_language
from market.core.keys import reset_keyring
from market.core.personal_data import decrypt, encrypt, keyed_hash
from market.settings import Settings, SettingsError, get_settings, load_settings, reset_settings, variables

GOOD_SECRET = "k3V9q-7uYp2mW8xZr4tB6nH1cJ5dF0gL"
POSTGRES_URL = "postgresql://linggong@db.internal:5432/linggong"


@pytest.fixture(autouse=True)
def own_settings(monkeypatch):
    """Each test reads its own environment; the process's shared settings and keys are restored afterwards."""
    reset_settings()
    yield monkeypatch
    monkeypatch.undo()
    reset_settings()
    reset_keyring()


def production(monkeypatch, **env: str | None) -> None:
    values = {"ENV": "production", "SECRET_KEY": GOOD_SECRET, "DATABASE_URL": POSTGRES_URL, "SECRET_KEY_FILE": None,
              **env}
    for name, value in values.items():
        if value is None:
            monkeypatch.delenv(f"LINGGONG_{name}", raising=False)
        else:
            monkeypatch.setenv(f"LINGGONG_{name}", value)
    reset_settings()


def test_production_with_a_long_secret_and_postgresql_is_accepted(monkeypatch):
    production(monkeypatch)
    get_settings().check_for_production()
    assert get_settings().is_production


@pytest.mark.parametrize(("case", "secret"), [
    ("missing", None), ("short", "a-short-secret-of-31-characters"), ("known weak", "please-change-me"),
    ("known weak, any case", "ChangeMe"),
])
def test_production_refuses_an_unsafe_secret(monkeypatch, case, secret):
    production(monkeypatch, SECRET_KEY=secret)
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        get_settings().check_for_production()


def test_production_refuses_sqlite(monkeypatch, tmp_path):
    production(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with pytest.raises(SettingsError, match="PostgreSQL"):
        get_settings().check_for_production()


def test_the_app_refuses_to_build_in_unsafe_production(monkeypatch):
    from market.app import create_app

    production(monkeypatch, SECRET_KEY=None)
    with pytest.raises(SettingsError):
        create_app()


def test_the_secret_is_read_from_a_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(GOOD_SECRET + "\n", encoding="utf-8")
    production(monkeypatch, SECRET_KEY=None, SECRET_KEY_FILE=str(secret_file))
    assert get_settings().secret_key == GOOD_SECRET
    get_settings().check_for_production()


def test_an_unreadable_secret_file_is_refused(monkeypatch, tmp_path):
    production(monkeypatch, SECRET_KEY_FILE=str(tmp_path / "missing"))
    with pytest.raises(SettingsError, match="SECRET_KEY_FILE"):
        get_settings()


def test_an_unknown_time_zone_is_refused(monkeypatch):
    monkeypatch.setenv("LINGGONG_TIMEZONE", "Mars/Olympus_Mons")
    with pytest.raises(SettingsError, match="TIMEZONE"):
        get_settings()


def test_a_non_integer_number_is_refused(monkeypatch):
    monkeypatch.setenv("LINGGONG_CHECK_IN_FENCE_M", "500m")
    with pytest.raises(SettingsError, match="CHECK_IN_FENCE_M"):
        get_settings()


@pytest.mark.parametrize("name", ["NO_SHOW_GRACE_MINUTES", "NO_SHOW_OBJECTION_HOURS", "CHECK_IN_FENCE_M",
                                  "WORKER_FREE_CANCEL_HOURS", "EMPLOYER_FREE_CANCEL_HOURS"])
def test_a_negative_rule_the_contract_states_is_refused(monkeypatch, name):
    monkeypatch.setenv(f"LINGGONG_{name}", "-5")
    with pytest.raises(SettingsError, match=name):
        get_settings()


def test_an_unsupported_database_is_refused(monkeypatch):
    monkeypatch.setenv("LINGGONG_DATABASE_URL", "mysql://root@localhost/linggong")
    with pytest.raises(SettingsError, match="DATABASE_URL"):
        get_settings()


def test_defaults_put_sqlite_in_the_data_dir(monkeypatch, tmp_path):
    for name in ("ENV", "DATABASE_URL", "TIMEZONE", "SECRET_KEY", "SECRET_KEY_FILE", "REDIS_URL"):
        monkeypatch.delenv(f"LINGGONG_{name}", raising=False)
    monkeypatch.setenv("LINGGONG_DATA_DIR", str(tmp_path / "data"))
    settings = get_settings()
    assert settings.env == "development"
    assert settings.sqlite_path == (tmp_path / "data" / "linggong.sqlite3").resolve()
    assert not settings.is_postgres
    assert settings.timezone == "Asia/Shanghai"
    assert settings.redis_url is None
    settings.check_for_production()


def test_the_data_dir_defaults_to_var(monkeypatch):
    monkeypatch.delenv("LINGGONG_DATA_DIR", raising=False)
    monkeypatch.delenv("LINGGONG_DATABASE_URL", raising=False)
    assert get_settings().data_dir == Path("var").resolve()


# --- personal data -------------------------------------------------------------------------------------------------

ID_NUMBER = "350203198506011235"


def test_encryption_round_trips():
    sealed = encrypt(ID_NUMBER, context="worker.id_number")
    assert ID_NUMBER not in sealed
    assert decrypt(sealed, context="worker.id_number") == ID_NUMBER


def test_the_same_value_seals_differently_each_time():
    assert encrypt(ID_NUMBER, context="worker.id_number") != encrypt(ID_NUMBER, context="worker.id_number")


def test_a_value_cannot_be_moved_to_another_column():
    sealed = encrypt(ID_NUMBER, context="worker.id_number")
    with pytest.raises(InvalidTag):
        decrypt(sealed, context="employer.credit_code")


def test_tampering_is_detected():
    version, _, body = encrypt(ID_NUMBER, context="worker.id_number").partition(":")
    raw = bytearray(base64.urlsafe_b64decode(body))
    raw[15] ^= 1
    with pytest.raises(InvalidTag):
        decrypt(f"{version}:{base64.urlsafe_b64encode(bytes(raw)).decode()}", context="worker.id_number")


def test_an_unknown_key_version_is_refused():
    sealed = encrypt(ID_NUMBER, context="worker.id_number")
    with pytest.raises(ValueError, match="version"):
        decrypt("v9" + sealed[2:], context="worker.id_number")


def test_a_different_secret_cannot_open_a_sealed_value(monkeypatch):
    sealed = encrypt(ID_NUMBER, context="worker.id_number")
    monkeypatch.setenv("LINGGONG_SECRET_KEY", "another-secret-that-is-long-enough-0123456789")
    reset_settings()
    reset_keyring()
    with pytest.raises(InvalidTag):
        decrypt(sealed, context="worker.id_number")


def test_the_keyed_hash_is_stable_and_bound_to_its_context():
    assert keyed_hash(ID_NUMBER, context="worker.id_number") == keyed_hash(ID_NUMBER, context="worker.id_number")
    assert keyed_hash(ID_NUMBER, context="worker.id_number") != keyed_hash(ID_NUMBER, context="other")
    assert ID_NUMBER not in keyed_hash(ID_NUMBER, context="worker.id_number")


# --- language ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "language"), [
    (None, "zh-CN"),
    ("", "zh-CN"),
    ("en-US,en;q=0.9", "en"),
    ("en", "en"),
    ("EN-gb", "en"),
    ("zh-TW", "zh-CN"),
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
    ("fr", "zh-CN"),
    ("fr-FR, en;q=0.5", "en"),
    ("en;q=0.5, zh;q=0.8", "zh-CN"),
    ("zh;q=0.1, en", "en"),
    ("fr, en;q=0", "zh-CN"),
    ("en; q=0.4, zh; q=0.6", "zh-CN"),
    ("*", "zh-CN"),
])
def test_the_language_follows_accept_language(header, language):
    assert pick_language(header) == language


def test_trusted_proxies_are_none_by_default_and_read_as_addresses_or_networks(monkeypatch):
    assert get_settings().trusted_proxies == ()
    monkeypatch.setenv("LINGGONG_TRUSTED_PROXIES", "10.0.0.7, 172.16.0.0/12,::1")
    reset_settings()
    assert get_settings().trusted_proxies == ("10.0.0.7", "172.16.0.0/12", "::1")


def test_a_trusted_proxy_that_is_not_an_address_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("LINGGONG_TRUSTED_PROXIES", "10.0.0.7,*")
    reset_settings()
    with pytest.raises(SettingsError, match=r"TRUSTED_PROXIES: '\*'"):
        get_settings()


# --- the settings table in README ----------------------------------------------------------------------------------


def _readme_settings_rows() -> list[tuple[list[str], list[str]]]:
    """(variables, defaults) of each row of README's settings table."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Settings (environment)", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) == 3 and cells[0].startswith("`LINGGONG_"):
            rows.append(([name.strip("` ") for name in cells[0].split(" / ")],
                         [default.strip() for default in cells[1].split(" / ")]))
    return rows


def test_readme_lists_every_setting():
    listed = {name for names, _ in _readme_settings_rows() for name in names}
    assert {name for name, _ in variables()} - listed == set()
    assert listed - {name for name, _ in variables()} == {"LINGGONG_SECRET_KEY_FILE"}  # read with SECRET_KEY


def test_readme_gives_each_plain_default_as_the_settings_have_it():
    defaults = dict(variables())
    compared = 0
    for names, shown in _readme_settings_rows():
        if len(names) != len(shown):
            continue
        for name, text in zip(names, shown, strict=True):
            default = defaults[name]
            if isinstance(default, int) or (isinstance(default, str) and default):
                assert text == f"`{default}`", name
                compared += 1
    assert compared >= 20


def test_every_setting_is_read_from_its_own_variable(monkeypatch):
    own_rules = {"database_url", "timezone", "trusted_proxies", "public_url", "data_dir",  # tested above
                 "map_tiles", "map_tiles_datum"}
    kinds = {spec.name: {"int": int, "float": float, "Path": Path, "Path | None": Path}.get(str(spec.type), str)
             for spec in fields(Settings) if spec.name not in own_rules}
    samples = {int: "7", float: "2.5", str: "sample", Path: "/srv/sample"}
    monkeypatch.delenv("LINGGONG_SECRET_KEY_FILE", raising=False)
    for name, kind in kinds.items():
        monkeypatch.setenv(f"LINGGONG_{name.upper()}", samples[kind])
    reset_settings()
    settings = get_settings()
    assert {name: getattr(settings, name) for name in kinds} == {
        name: kind(samples[kind]) for name, kind in kinds.items()}


def test_settings_can_be_read_from_a_given_mapping_without_touching_the_process():
    settings = load_settings({"LINGGONG_ENV": "production", "LINGGONG_CHECK_IN_FENCE_M": "",
                              "LINGGONG_PUBLIC_URL": "https://linggong.example.cn/"})
    assert (settings.env, settings.check_in_fence_m) == ("production", 500)  # empty counts as unset
    assert settings.public_url == "https://linggong.example.cn"
    assert get_settings().env == "test"


@pytest.mark.parametrize("template", ["tiles.example/{z}/{x}/{y}.png", "https://tiles.example/{z}/{x}.png",
                                      "javascript:alert(1)/{z}/{x}/{y}"])
def test_a_map_tile_source_without_a_usable_url_template_is_refused(monkeypatch, template):
    monkeypatch.setenv("LINGGONG_MAP_TILES", template)
    with pytest.raises(SettingsError, match="LINGGONG_MAP_TILES"):
        load_settings()


def test_the_map_is_off_unless_a_tile_source_is_set_and_its_datum_is_one_of_two(monkeypatch):
    assert load_settings({}).map_tiles is None
    set_up = load_settings({"LINGGONG_MAP_TILES": "https://tiles.example/{z}/{x}/{y}.png",
                            "LINGGONG_MAP_TILES_DATUM": "gcj02"})
    assert (set_up.map_tiles, set_up.map_tiles_datum) == ("https://tiles.example/{z}/{x}/{y}.png", "gcj02")
    with pytest.raises(SettingsError, match="LINGGONG_MAP_TILES_DATUM"):
        load_settings({"LINGGONG_MAP_TILES_DATUM": "bd09"})
