from relais_common.migrations import run_env
from relais_editorial.config import Settings
from relais_editorial.models import Base

run_env(Base.metadata, Settings().effective_database_url)
