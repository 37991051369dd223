"""The database helpers keep their promises on both engines: constraints hold, batched reads see one state."""

import asyncio

import pytest

from market.accounts.tables import User
from market.core.database import batched_reads, lock_rows_for_update, write_transaction
from market.orders.tables import Order


async def test_foreign_keys_hold_inside_a_write_transaction():
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        async with write_transaction():
            await Order.insert(Order(job=999_999, worker=999_999))
    assert await Order.count() == 0


async def test_foreign_keys_hold_outside_a_transaction():
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        await Order.insert(Order(job=999_999, worker=999_999))


async def test_batched_reads_answer_concurrent_reads_and_a_write_after_them_lands():
    await User.insert(*[User(phone=f"1390000000{i}", name=f"用户{i}", role="worker", password_hash="x")
                        for i in range(3)])
    async with batched_reads():
        names = await asyncio.gather(*[User.select(User.name).where(User.phone == f"1390000000{i}").first()
                                       for i in range(3)])
    assert [row["name"] for row in names] == ["用户0", "用户1", "用户2"]
    async with write_transaction():
        await User.update({User.name: "改名"}).where(User.phone == "13900000000")
    assert (await User.select(User.name).where(User.phone == "13900000000").first())["name"] == "改名"


async def test_locking_rows_answers_the_columns_asked_for():
    await User.insert(User(phone="13900000009", name="林建国", role="worker", password_hash="x"))
    async with write_transaction():
        rows = await lock_rows_for_update(User, User.phone == "13900000009", columns=[User.name])
    assert rows == [{"name": "林建国"}]
