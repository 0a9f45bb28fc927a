"""Property-based contract test: schemathesis generates requests from /openapi.json and
runs them against the live app (real Redis, real Qdrant local mode, real model).
No 5xx, and no response that breaks the schema, for any generated input.

All of schemathesis's checks run except `positive_data_acceptance`: some requests that
fit the schema are still refused by rules a JSON schema cannot state (the last chat
message must come from the user), and those get a documented 4xx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from knowledge.vectors.embedded import open_embedded
from tests.app_fixtures import make_app  # noqa: F401 - shared fixture

KEY = "fuzz-key"


@pytest.fixture
def contract_app(
    make_app: Callable[..., Flask],  # noqa: F811
    tmp_path: Path,
    copy_sample: Callable[[Path], Path],
) -> Flask:
    # A knowledge base of its own: generated uploads must not leak into other tests.
    client = open_embedded(copy_sample(tmp_path / "contract-qdrant"))
    return make_app(
        qdrant=client,
        api_keys=KEY,
        admin_api_keys=KEY,
        rate_limit="100000/minute",
        anonymous_rate_limit="100000/minute",
        admin_rate_limit="100000/minute",
    )


def test_no_server_errors_and_responses_match_the_schema(contract_app: Flask) -> None:
    # Driven through Hypothesis directly (schemathesis's pytest plugin predates pytest 9).
    schema = schemathesis.openapi.from_wsgi("/openapi.json", contract_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(
                headers={"X-API-Key": KEY}, excluded_checks=[positive_data_acceptance]
            )

        check()
