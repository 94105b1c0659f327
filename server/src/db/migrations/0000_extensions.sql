-- Extensions used on both engines (PGlite ships them as contrib; Debian's PostgreSQL in its main package).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
