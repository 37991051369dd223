"""Small reads the front end relies on: trade suggestions, an order's contract, the list of one's contracts."""


async def test_trade_suggestions_understand_pinyin_initials_and_english(client):
    by_initials = (await client.get("/api/trades/suggest?q=dg")).json()
    assert by_initials["items"][0]["zh"] == "电工"
    by_english = (await client.get("/api/trades/suggest?q=fork&limit=3")).json()
    assert any("叉车" in item["zh"] for item in by_english["items"])
    assert len(by_english["items"]) <= 3


async def test_trade_suggestions_need_a_query(client):
    response = await client.get("/api/trades/suggest?q=")
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "q"


async def test_an_order_names_its_contract(client, market):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)
    accepted = (await market.accept(job["id"], worker)).json()
    order = (await client.get(f"/api/orders/{accepted['order']['id']}", headers=employer["headers"])).json()
    assert order["contract"] == accepted["contract"]
    listed = (await client.get("/api/orders", headers=worker["headers"])).json()["items"][0]
    assert listed["contract"]["number"] == accepted["contract"]["number"]


async def test_each_party_lists_only_their_contracts(client, market):
    employer, worker, other = await market.user("employer"), await market.user("worker"), await market.user("worker")
    job = await market.job(employer, headcount=2)
    mine = (await market.accept(job["id"], worker)).json()["contract"]
    await market.accept(job["id"], other)
    assert [c["number"] for c in (await client.get("/api/contracts", headers=worker["headers"])).json()["items"]] \
        == [mine["number"]]
    assert (await client.get("/api/contracts", headers=employer["headers"])).json()["total"] == 2
    staff = await market.user("staff")
    assert (await client.get("/api/contracts", headers=staff["headers"])).json()["total"] == 2
    assert (await client.get("/api/contracts", headers=(await market.user("employer"))["headers"])).json()["total"] == 0
