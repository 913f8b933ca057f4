"""Error statuses, odd bodies, and connection failures become typed errors."""

from __future__ import annotations

import json

import httpx
import pytest
from conftest import TOKEN, Recorder, customer_json

from dub_client import Dub, RetryConfig, errors

NO_RETRY = RetryConfig("none")
TABLE = [
    (400, errors.BadRequest, "bad_request"),
    (401, errors.Unauthorized, "unauthorized"),
    (403, errors.Forbidden, "forbidden"),
    (404, errors.NotFound, "not_found"),
    (409, errors.Conflict, "conflict"),
    (410, errors.InviteExpired, "invite_expired"),
    (422, errors.UnprocessableEntity, "unprocessable_entity"),
    (429, errors.RateLimitExceeded, "rate_limit_exceeded"),
    (500, errors.InternalServerError, "internal_server_error"),
]


def dub_error(status: int, code: str, message: str = "nope") -> httpx.Response:
    return httpx.Response(
        status,
        json={
            "error": {"code": code, "message": message, "doc_url": f"https://dub.co/docs#{code}"}
        },
        headers={"x-request-id": "req_123"},
    )


@pytest.mark.parametrize(("status", "cls", "code"), TABLE)
def test_each_documented_status_has_its_class(dub: Dub, recorder: Recorder, status, cls, code):
    recorder.reply(dub_error(status, code, "Something is wrong."))
    with pytest.raises(cls) as info:
        dub.customers.get("cus_1", retries=NO_RETRY)
    e = info.value
    assert type(e) is cls
    assert isinstance(e, errors.APIStatusError) and isinstance(e, errors.DubError)
    assert (e.status_code, e.code, e.message) == (status, code, "Something is wrong.")
    assert e.doc_url == f"https://dub.co/docs#{code}"
    assert json.loads(e.body)["error"]["code"] == code
    assert e.headers["x-request-id"] == "req_123" and e.request_id == "req_123"
    assert e.raw_response is not None and e.raw_response.status_code == status
    assert str(e) == f"{status} {code}: Something is wrong. [request req_123]"
    assert e.attempts == 1


def test_the_table_is_the_single_mapping():
    assert {s: c for s, c, _ in TABLE} == dict(errors.STATUS_ERRORS)


@pytest.mark.parametrize(
    ("status", "cls", "code"),
    [(403, errors.Forbidden, "exceeded_limit"), (409, errors.Conflict, "invite_pending")],
)
def test_undocumented_codes_keep_the_status_class(dub: Dub, recorder: Recorder, status, cls, code):
    recorder.reply(dub_error(status, code))
    with pytest.raises(cls) as info:
        dub.customers.list(retries=NO_RETRY)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("response", "cls", "message"),
    [
        (
            httpx.Response(502, text="<html><body>Bad gateway</body></html>"),
            errors.SDKError,
            "<html><body>Bad gateway</body></html>",
        ),
        (httpx.Response(520, content=b""), errors.SDKError, "error"),
        (httpx.Response(500, content=b""), errors.InternalServerError, "Internal Server Error"),
        (httpx.Response(404, json={"error": "gone"}), errors.NotFound, "gone"),
        (
            httpx.Response(404, json=["not", "an", "object"]),
            errors.NotFound,
            '["not","an","object"]',
        ),
        (
            httpx.Response(401, json={"error": {"code": 7, "message": None}}),
            errors.Unauthorized,
            '{"error":{"code":7,"message":null}}',
        ),
        (httpx.Response(400, content=b"{broken json"), errors.BadRequest, "{broken json"),
        (httpx.Response(418, text="I'm a teapot"), errors.SDKError, "I'm a teapot"),
        (httpx.Response(405, content=b"\xff\xfe\xfa"), errors.SDKError, "\ufffd"),
        (httpx.Response(302, headers={"location": "https://evil.test/"}), errors.SDKError, "Found"),
    ],
)
def test_odd_error_bodies_never_crash(dub: Dub, recorder: Recorder, response, cls, message):
    recorder.reply(response)
    with pytest.raises(cls) as info:
        dub.customers.get("cus_1", retries=NO_RETRY)
    e = info.value
    assert type(e) is cls
    assert e.status_code == response.status_code
    assert message in e.message
    assert e.body == response.content.decode("utf-8", "replace")


def test_long_html_body_is_shortened_in_the_message_but_kept_whole(dub: Dub, recorder: Recorder):
    page = "<html>" + "x" * 5000 + "</html>"
    recorder.reply(httpx.Response(503, text=page))
    with pytest.raises(errors.SDKError) as info:
        dub.customers.get("cus_1", retries=NO_RETRY)
    assert len(str(info.value)) < 300
    assert info.value.body == page


@pytest.mark.parametrize(
    "body",
    [
        b"<html>oops</html>",
        b"",
        b"[]",
        json.dumps({"id": "cus_1"}).encode(),  # required fields missing
        json.dumps(customer_json(createdAt="yesterday")).encode(),
        json.dumps(customer_json(createdAt=12)).encode(),
        json.dumps(customer_json(firstSaleAt="not a date")).encode(),  # nullable date-time
        json.dumps(customer_json(firstSaleAt=20240101)).encode(),
        json.dumps(customer_json(link="https://dub.sh/x")).encode(),  # nested object expected
        json.dumps(customer_json(discount={"id": "d"})).encode(),  # nested required fields missing
    ],
)
def test_a_2xx_body_that_does_not_parse(dub: Dub, recorder: Recorder, body: bytes):
    recorder.reply(httpx.Response(200, content=body))
    with pytest.raises(errors.ResponseValidationError) as info:
        dub.customers.get("cus_1")
    assert info.value.status_code == 200
    assert info.value.body == body.decode()
    assert isinstance(info.value, errors.DubError)


def test_list_body_that_is_not_an_array(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(200, json={"data": []}))
    with pytest.raises(errors.ResponseValidationError, match="expected a JSON array"):
        dub.customers.list()


@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("connection refused"), errors.APIConnectionError),
        (httpx.ReadTimeout("timed out"), errors.APITimeoutError),
        (httpx.ConnectTimeout("connect timed out"), errors.APITimeoutError),
        (httpx.RemoteProtocolError("server disconnected"), errors.APIConnectionError),
    ],
)
def test_transport_errors_are_wrapped(dub: Dub, recorder: Recorder, exc, cls):
    recorder.reply(exc)
    with pytest.raises(cls) as info:
        dub.customers.get("cus_1", retries=NO_RETRY)
    assert info.value.__cause__ is exc
    assert isinstance(info.value, errors.DubError)
    assert "GET https://api.dub.test/customers/cus_1" in str(info.value)
    assert TOKEN not in str(info.value)


async def test_async_errors_are_the_same(dub: Dub, recorder: Recorder):
    recorder.reply(dub_error(404, "not_found"), httpx.ConnectError("refused"))
    with pytest.raises(errors.NotFound):
        await dub.customers.get_async("cus_1", retries=NO_RETRY)
    with pytest.raises(errors.APIConnectionError):
        await dub.customers.get_async("cus_1", retries=NO_RETRY)


def test_missing_token_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DUB_API_KEY", raising=False)
    with pytest.raises(errors.DubError, match="DUB_API_KEY"):
        Dub()
    with pytest.raises(ValueError, match="no API key"):
        Dub(token="  ")
    monkeypatch.setenv("DUB_API_KEY", "dub_from_env")
    assert "dub_from_env" in Dub()._pools.headers["Authorization"]


def test_bad_configuration(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DUB_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="header"):
        Dub(token="dub_x\r\nX-Evil: 1")
    with pytest.raises(ValueError, match="http"):
        Dub(token=TOKEN, server_url="ftp://example.com")
    with pytest.raises(
        errors.ConfigurationError, match=r"client must be an httpx\.Client, not object"
    ):
        Dub(token=TOKEN, client=object())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout_ms"):
        Dub(token=TOKEN, timeout_ms=0)
    monkeypatch.setenv("DUB_BASE_URL", "http://127.0.0.1:9/")
    assert Dub(token=TOKEN).server_url == "http://127.0.0.1:9"


def test_any_httpx_error_is_wrapped_even_from_a_users_client():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": str(request.url)})

    client = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    dub = Dub(TOKEN, server_url="https://api.dub.test", client=client)
    with pytest.raises(errors.APIConnectionError) as info:
        dub.customers.get("cus_1")
    assert isinstance(info.value.__cause__, httpx.TooManyRedirects)
    assert info.value.attempts == 1  # a redirect loop is not retried
