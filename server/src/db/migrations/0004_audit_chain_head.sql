-- The head of the audit chain, read under the chain's lock in one round trip. The lock serialises
-- writers (several server processes on one PostgreSQL); it is held until the transaction ends.
-- VOLATILE: the SELECT takes a fresh snapshot after the lock is granted, so it sees the row the
-- previous holder committed.
CREATE FUNCTION audit_chain_head(OUT id bigint, OUT hash text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7742011);
  SELECT a.id, a.hash INTO id, hash FROM audit_log a ORDER BY a.id DESC LIMIT 1;
END;
$$;
