"""Consent codes written in plain text before codes were sealed: removed from outbox payloads, masked in the SMS log."""

import json
import re

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns import JSON, Text, Varchar
from piccolo.table import Table

ID = "2026-12-01T09:33:42:584966"
VERSION = "1.38.0"
DESCRIPTION = "hide consent codes kept in plain text before"

_CODE_IN_TEXT = re.compile(r"验证码\d{6}")


class OutboxMessage(Table, tablename="outbox_messages"):
    event = Varchar(length=40)
    payload = JSON()


class SmsLog(Table, tablename="sms_log"):
    text = Text()


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notifications", description=DESCRIPTION)

    async def run():
        rows = await OutboxMessage.select(OutboxMessage.id, OutboxMessage.payload).where(
            OutboxMessage.event == "consent_code")
        for row in rows:
            payload = json.loads(row["payload"]) if isinstance(row["payload"], str) else row["payload"]
            if "code" in payload:
                payload.pop("code")
                await OutboxMessage.update({OutboxMessage.payload: payload}).where(OutboxMessage.id == row["id"])
        for row in await SmsLog.select(SmsLog.id, SmsLog.text).where(SmsLog.text.like("%验证码%")):
            masked = _CODE_IN_TEXT.sub("验证码******", row["text"])
            if masked != row["text"]:
                await SmsLog.update({SmsLog.text: masked}).where(SmsLog.id == row["id"])

    manager.add_raw(run)
    return manager
