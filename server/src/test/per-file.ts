import { setClock, setWorkingCalendar } from "@toandan/contracts";

// Runs before each integration test file. The files share a worker process and its loaded modules
// (isolate: false in vitest.config.ts: loading the server costs ~3.5 s of CPU per file), so the
// process-wide state a file may leave behind is reset here: the clock and the working calendar.
setClock(null);
setWorkingCalendar(null);
