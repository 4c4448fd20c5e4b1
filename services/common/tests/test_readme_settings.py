"""README.md documents every environment variable a part of Relais reads."""

import re
from pathlib import Path

import pytest
from pydantic_settings import BaseSettings
from relais_aggregator.config import Settings as AggregatorSettings
from relais_ambassadors.config import Settings as AmbassadorsSettings
from relais_common.contracts import environment_names
from relais_editorial.config import Settings as EditorialSettings
from relais_gateway.config import GatewaySettings

README = Path(__file__).resolve().parents[3] / "README.md"
# Fields that are code, not configuration: the service's own name, and the gateway has no database.
NOT_CONFIGURATION = {"service_name"}
GATEWAY_NOT_CONFIGURATION = {"database_url"}


@pytest.mark.parametrize(
    "settings",
    [AmbassadorsSettings, EditorialSettings, AggregatorSettings, GatewaySettings],
    ids=lambda s: s.__module__.split(".")[0],
)
def test_every_environment_variable_is_in_the_readme(settings: type[BaseSettings]) -> None:
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", README.read_text(encoding="utf-8")))
    skip = NOT_CONFIGURATION | (GATEWAY_NOT_CONFIGURATION if settings is GatewaySettings else set())
    missing = [
        name
        for field, names in environment_names(settings).items()
        if field not in skip
        for name in names
        if name not in documented
    ]
    assert missing == [], f"add these to README.md's configuration table: {missing}"
