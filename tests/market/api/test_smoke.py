"""The service answers: health, OpenAPI, and the one error shape for unknown routes."""


async def test_health_reports_ok(client):
    response = await client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_unknown_api_route_gets_the_error_shape_in_english(client, market):
    user = await market.user("worker")
    response = await client.get("/api/nothing-here", headers={**user["headers"], "Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json() == {"status_code": 404, "code": "not_found", "detail": "Not found", "fields": []}
