from relais_common.querycount import count_queries
from sqlalchemy import create_engine, text


def test_counts_each_statement_and_stops_after_the_block() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        with count_queries(engine) as queries:
            conn.execute(text("SELECT 1"))
            conn.execute(text("SELECT 2"))
        conn.execute(text("SELECT 3"))
    assert len(queries) == 2
    assert queries.statements == ["SELECT 1", "SELECT 2"]
