-- An approved period report locks the festival day 19/8 held in the locked days, as it locks the
-- activities (0013) and commitments (0017): its figures (held, attendees, gifts, awards) count on
-- the day it was held. A festival not yet held (held_on null) is a plan and stays writable.
-- SQLSTATE TD409: the API answers 409 with the guard's message.
CREATE TRIGGER festivals_period_lock BEFORE INSERT OR UPDATE OR DELETE ON festivals
  FOR EACH ROW EXECUTE FUNCTION period_lock_guard_dated('held_on');
