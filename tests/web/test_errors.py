"""Friendly error pages and JSON errors, never a traceback."""

from __future__ import annotations

from fastapi import FastAPI

from tests.web.conftest import WebClient


def test_404_page_is_friendly(client: WebClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "There is nothing at this address." in response.text
    assert "Back to the library" in response.text


def test_api_404_is_json(client: WebClient) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_api_validation_error_is_json_400(client: WebClient) -> None:
    response = client.post("/api/topics", json={"name": "missing text"})
    assert response.status_code == 400
    assert "text" in response.json()["error"]["message"]


def test_api_bad_json_is_json_400(client: WebClient) -> None:
    response = client.post(
        "/api/topics", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_method_not_allowed_is_friendly(client: WebClient) -> None:
    response = client.put("/api/health", json={})
    assert response.status_code == 405


def test_unexpected_error_is_a_500_page_without_traceback(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internals")

    with WebClient(app, raise_server_exceptions=False) as client:
        page = client.get("/boom")
        assert page.status_code == 500
        assert "Something went wrong" in page.text
        assert "secret internals" not in page.text and "Traceback" not in page.text
        api = client.get("/api/boom")
        assert api.status_code == 500
        assert api.json()["error"]["status"] == 500
        assert "secret internals" not in api.text


def test_htmx_errors_are_fragments(client: WebClient) -> None:
    response = client.get("/topics/nope", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "<html" not in response.text
    assert 'role="alert"' in response.text


def test_openapi_docs_are_served(client: WebClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/topics" in schema["paths"]
    assert "/topics/{name}" not in schema["paths"]  # pages are not part of the API
    assert client.get("/api/docs").status_code == 200


def test_htmx_errors_carry_the_sessions_csrf_token(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/topics/china-and-the-ussr/quiz",
        data={"item_id": "x"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 400
    assert response.headers["X-CSRF-Token"] == token
    assert "data-request-error" in response.text


def test_an_htmx_request_after_the_session_ran_out_says_so(client: WebClient) -> None:
    response = client.post(
        "/topics/china-and-the-ussr/quiz",
        data={"item_id": "1"},
        headers={"HX-Request": "true", "X-CSRF-Token": "stale"},
    )
    assert response.status_code == 400
    assert "session had run out" in response.text
    fresh = response.headers["X-CSRF-Token"]
    assert fresh and fresh != "stale"
    again = client.post(
        "/topics/china-and-the-ussr/quiz",
        data={"item_id": "x"},
        headers={"HX-Request": "true", "X-CSRF-Token": fresh},
    )
    assert "must be a whole number" in again.text  # the token was accepted this time


def test_error_pages_lead_back_to_the_page_on_this_site(client: WebClient) -> None:
    here = client.get("/topics/nope", headers={"Referer": "http://testserver/progress?topic=x"})
    assert 'href="/progress?topic=x"' in here.text
    foreign = client.get("/topics/nope", headers={"Referer": "https://evil.example/page"})
    assert "evil.example" not in foreign.text
    assert "Back to the library" in foreign.text
    sneaky = client.get("/topics/nope", headers={"Referer": "http://testserver//evil.example/x"})
    assert 'href="//' not in sneaky.text and 'href="/evil.example/x"' in sneaky.text


def test_a_page_error_says_the_reason_without_the_field_jargon(client: WebClient) -> None:
    page = client.post_form("/topics/china-and-the-ussr/quiz", {"item_id": "x"})
    assert page.status_code == 400
    assert "item_id must be a whole number" in page.text
    assert "&lt;input&gt;" not in page.text and "field &#39;" not in page.text
