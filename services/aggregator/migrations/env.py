from relais_aggregator.config import Settings
from relais_aggregator.models import Base
from relais_common.migrations import run_env

run_env(Base.metadata, Settings().effective_database_url)
