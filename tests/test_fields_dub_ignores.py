"""Fields Dub's update accepts and drops warn (once per process), and are still sent."""

from __future__ import annotations

import datetime
import warnings

import pytest
from conftest import Recorder

from dub_client import Dub


def test_subscription_canceled_at_on_update_warns_that_dub_does_not_store_it(
    dub: Dub, recorder: Recorder
):
    when = datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC)
    with pytest.warns(UserWarning, match=r"subscriptionCanceledAt .*does not store it") as caught:
        dub.customers.update("cus_1", subscription_canceled_at=when)
    assert caught[0].filename == __file__  # the user's line
    assert recorder.body() == {"subscriptionCanceledAt": "2026-08-01T00:00:00+00:00"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dub.customers.update("cus_1", subscription_canceled_at=None)  # once per process
    assert recorder.body() == {"subscriptionCanceledAt": None}


def test_clearing_it_in_a_request_dict_warns_too(dub: Dub, recorder: Recorder):
    with pytest.warns(UserWarning, match="subscriptionCanceledAt"):
        dub.customers.update(
            request={"id": "cus_1", "request_body": {"subscription_canceled_at": None}}
        )
    assert recorder.body() == {"subscriptionCanceledAt": None}
