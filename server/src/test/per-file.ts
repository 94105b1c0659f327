import { setClock, setWorkingCalendar } from "@toandan/contracts";
import { clearCachesOfProcess } from "../kernel/cache-version";
import { useCheapPasswordHashingInTests } from "../modules/auth";

// Runs before each integration test file. The files share a worker process and its loaded modules
// (isolate: false in vitest.config.ts: loading the server costs ~3.5 s of CPU per file), so the
// process-wide state a file may leave behind is reset here: the clock, the working calendar and
// the versioned caches (each file's database is a clone of one template, so a version number
// another file's database reached says nothing about this one's data).
setClock(null);
setWorkingCalendar(null);
clearCachesOfProcess();
// Accounts made by the tests are hashed cheaply (lockout.test.ts, in a worker of its own, checks
// the real cost).
useCheapPasswordHashingInTests();
