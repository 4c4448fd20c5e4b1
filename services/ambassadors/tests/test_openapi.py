import json

from relais_ambassadors.openapi import OPENAPI_PATH, document


def test_committed_openapi_matches_the_code() -> None:
    assert OPENAPI_PATH.read_text() == document(), (
        "services/ambassadors/openapi.json is stale: run `python -m relais_ambassadors.openapi`"
    )


def test_operation_ids_are_tag_and_name() -> None:
    spec = json.loads(document())
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert "profiles-me" in ids
    assert "themes-merge" in ids
    assert len(ids) == len(set(ids))
