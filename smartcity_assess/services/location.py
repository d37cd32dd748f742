"""Where the database is, for the front ends, without loading the storage libraries.

The app's start-up takes the database's lock and reads its list before SQLAlchemy is imported
(benchmarks/bench_startup.py); these names come from persistence.location, which imports none.
"""

from ..persistence.location import DATABASE_ENV, database_url, sqlite_file

__all__ = ["DATABASE_ENV", "database_url", "sqlite_file"]
