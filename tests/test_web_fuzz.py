"""Property-based run of every API operation from the OpenAPI spec (schemathesis): no server errors.

Runs the operations through schemathesis' strategies under plain hypothesis, because its pytest
plugin does not load under the pytest this project uses.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = 40


@pytest.mark.slow
def test_web_fuzz_no_server_error(fuzz_schema: Any, fuzz_server: str, api_token: str) -> None:
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    assert len(operations) == 12
    calls: list[str] = []
    for operation in operations:

        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            calls.append(case.operation.label)
            case.call_and_validate(base_url=fuzz_server, headers={"Authorization": f"Bearer {api_token}"},
                                   checks=[not_a_server_error], timeout=60)

        run()
    assert len(set(calls)) == 12
