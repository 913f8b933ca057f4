"""Ids stay one path segment; the token never leaks; redirects do not carry it away."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest
from conftest import TOKEN, Recorder, customer_json

from dub_client import Dub, RetryConfig, errors
from dub_client.testing import Sandbox


@pytest.mark.parametrize(
    ("cid", "raw_path"),
    [
        ("../links", "/customers/..%2Flinks"),
        ("a/b", "/customers/a%2Fb"),
        ("x?admin=1", "/customers/x%3Fadmin%3D1"),
        ("x#frag", "/customers/x%23frag"),
        ("50%", "/customers/50%25"),
        ("with space", "/customers/with%20space"),
        ("ünï", "/customers/%C3%BCn%C3%AF"),
        ("ext_..", "/customers/ext_.."),
        ("...", "/customers/..."),
    ],
)
def test_ids_are_one_percent_encoded_segment(dub: Dub, recorder: Recorder, cid: str, raw_path: str):
    dub.customers.get(cid)
    assert recorder.last.url.raw_path.decode() == raw_path
    assert recorder.last.url.host == "api.dub.test"


def test_dot_dot_links_never_reaches_links_on_the_wire():
    sandbox = Sandbox(seed=1)
    with (
        sandbox.serve() as url,
        Dub("dub_x", server_url=url, retry_config=RetryConfig("none")) as dub,
    ):
        with pytest.raises(errors.NotFound):
            dub.customers.get("../links")
        with pytest.raises(errors.NotFound):
            dub.customers.delete("../../customers")
    assert [r.path for r in sandbox.requests] == [
        "/customers/..%2Flinks",
        "/customers/..%2F..%2Fcustomers",
    ]
    assert len(sandbox.customers()) == 1


def test_token_is_not_in_repr_str_errors_or_chains(dub: Dub, recorder: Recorder):
    assert TOKEN not in repr(dub) and TOKEN not in str(dub) and TOKEN not in repr(dub.customers)
    recorder.reply(
        httpx.Response(401, json={"error": {"code": "unauthorized", "message": "bad key"}}),
        httpx.ConnectError("refused"),
    )
    for call in (
        lambda: dub.customers.get("cus_1"),
        lambda: dub.customers.get("cus_1", retries=RetryConfig("none")),
    ):
        with pytest.raises(errors.DubError) as info:
            call()
        text = "".join(traceback.format_exception(info.value))
        assert TOKEN not in text
        assert TOKEN not in repr(info.value) and TOKEN not in str(info.value)
        cause = info.value.__cause__
        while cause is not None:
            assert TOKEN not in str(cause) and TOKEN not in repr(cause)
            cause = cause.__cause__


def test_logs_show_method_url_status_and_retries_but_no_token(
    dub: Dub, recorder: Recorder, caplog: pytest.LogCaptureFixture
):
    recorder.reply(httpx.Response(503), httpx.Response(200, json=customer_json()))
    with caplog.at_level(logging.DEBUG, logger="dub_client"):
        dub.customers.get("cus_1")
    text = caplog.text
    assert "GET https://api.dub.test/customers/cus_1: 503 on attempt 1, retrying in" in text
    assert "GET https://api.dub.test/customers/cus_1 -> 200 (attempts: 2, 375.0 ms" in text
    assert TOKEN not in text and "Bearer" not in text


def test_dub_log_env_switch(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("DUB_LOG", "debug")
    logger = logging.getLogger("dub_client")
    before = list(logger.handlers)
    try:
        recorder = Recorder()
        d = Dub(TOKEN, client=httpx.Client(transport=httpx.MockTransport(recorder)))
        Dub(TOKEN)  # a second client adds no second handler
        assert len(logger.handlers) == len(before) + 1
        d.customers.get("cus_1")
        err = capsys.readouterr().err
        assert "-> 200" in err and TOKEN not in err
    finally:
        for handler in logger.handlers[len(before) :]:
            logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)


def test_redirects_are_not_followed_by_default(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(307, headers={"location": "https://evil.test/steal"}))
    with pytest.raises(errors.SDKError) as info:
        dub.customers.get("cus_1")
    assert info.value.status_code == 307
    assert [r.url.host for r in recorder.requests] == ["api.dub.test"]


def test_the_clients_we_create_have_finite_timeouts_and_follow_no_redirects():
    dub = Dub(TOKEN)
    http = dub._pools.sync_client()
    assert http.timeout.connect == 5.0 and http.timeout.read == 30.0
    assert http.follow_redirects is False
    dub.close()


def test_close_only_closes_what_it_created():
    mine = httpx.Client()
    with Dub(TOKEN, client=mine) as dub:
        dub._pools.sync_client()
    assert not mine.is_closed
    dub2 = Dub(TOKEN)
    created = dub2._pools.sync_client()
    dub2.close()
    assert created.is_closed
    mine.close()
