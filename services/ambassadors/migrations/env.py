from relais_ambassadors.config import Settings
from relais_ambassadors.models import Base
from relais_common.migrations import run_env

run_env(Base.metadata, Settings().effective_database_url)
