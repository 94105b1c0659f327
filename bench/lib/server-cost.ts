// What one request costs the server's process, independent of how busy the machine is: CPU time
// (process.cpuUsage of the process the app listens in, the load generator being another process)
// and SQL round trips (every statement Drizzle sends, on either engine). On PGlite the database runs
// in the same process, so its CPU is included; on PostgreSQL it is not.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { NoopLogger } from "drizzle-orm";

let statements = 0;
let counting = false;

/**
 * Counts every statement sent through Drizzle in this process: each session (the pool's and each
 * transaction's) logs its queries to a NoopLogger unless a logger is configured, which the app
 * does not do. BEGIN/COMMIT of a node-postgres transaction are counted (they are statements sent
 * by Drizzle); PGlite's own BEGIN/COMMIT are not.
 */
function countStatements(): void {
  if (counting) return;
  counting = true;
  // NoopLogger.logQuery does nothing: counting is all the replacement has to do.
  NoopLogger.prototype.logQuery = () => {
    statements++;
  };
}

type Snapshot = { cpu: NodeJS.CpuUsage; statements: number; db: Map<number, number> };

const snapshot = (db: Map<number, number> = new Map()): Snapshot => ({
  cpu: process.cpuUsage(),
  statements,
  db,
});

/** CPU µs (user + system) of each process, from /proc (clock ticks of 10 ms); absent when gone. */
function processCpu(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    } catch {
      // Not on this machine, or ended.
    }
  }
  return out;
}

export type PhaseCost = {
  requests: number;
  cpuUsPerRequest: number;
  userUsPerRequest: number;
  systemUsPerRequest: number;
  statementsPerRequest: number;
  /** PostgreSQL on this machine: CPU of the bench database's backends (a backend opened during the phase counts whole). */
  databaseCpuUsPerRequest?: number;
};

/**
 * Phases marked by the load generator (`{ mark: "<phase>:start" | "<phase>:end" }`): the server's
 * CPU and statements between the two marks, divided by the requests the phase reports. With
 * BENCH_CPU_PROFILE=<file> the phase named by BENCH_CPU_PROFILE_PHASE (default createActivity) is
 * also profiled with the inspector and written to that file.
 */
export class ServerCost {
  private readonly started = new Map<string, Snapshot>();
  private readonly ended = new Map<string, Snapshot>();
  private profiler: Session | null = null;

  /**
   * `settle` waits until the work a phase left to the background is done (rollups folded, audit
   * rows sealed), so that it counts in the phase that caused it; it answers how many statements it
   * sent itself to find out (not counted).
   */
  constructor(
    private readonly settle?: () => Promise<number>,
    /** The server processes (backends) of the bench database on this machine, when it is PostgreSQL. */
    private readonly dbPids?: () => Promise<number[]>,
  ) {
    countStatements();
  }

  private async dbCpu(): Promise<Map<number, number>> {
    return this.dbPids ? processCpu(await this.dbPids()) : new Map();
  }

  async mark(name: string): Promise<void> {
    const [phase, edge] = name.split(":") as [string, "start" | "end"];
    const profiled =
      process.env.BENCH_CPU_PROFILE && phase === (process.env.BENCH_CPU_PROFILE_PHASE ?? "createActivity");
    if (edge === "start") {
      if (profiled) {
        this.profiler = new Session();
        this.profiler.connect();
        await this.profiler.post("Profiler.enable");
        await this.profiler.post("Profiler.start");
      }
      this.started.set(phase, snapshot(await this.dbCpu()));
      return;
    }
    const own = (await this.settle?.()) ?? 0;
    const end = snapshot(await this.dbCpu());
    this.ended.set(phase, { ...end, statements: end.statements - own });
    if (profiled && this.profiler) {
      const { profile } = await this.profiler.post("Profiler.stop");
      fs.writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
      this.profiler.disconnect();
      this.profiler = null;
    }
  }

  /** The cost per request of a marked phase, or undefined when it was not marked. */
  of(phase: string, requests: number): PhaseCost | undefined {
    const a = this.started.get(phase);
    const b = this.ended.get(phase);
    if (!a || !b || requests <= 0) return undefined;
    const user = b.cpu.user - a.cpu.user;
    const system = b.cpu.system - a.cpu.system;
    const per = (n: number) => Math.round((n / requests) * 10) / 10;
    return {
      requests,
      cpuUsPerRequest: per(user + system),
      userUsPerRequest: per(user),
      systemUsPerRequest: per(system),
      statementsPerRequest: Math.round(((b.statements - a.statements) / requests) * 100) / 100,
      ...(b.db.size
        ? {
            databaseCpuUsPerRequest: per(
              [...b.db].reduce((sum, [pid, us]) => sum + us - (a.db.get(pid) ?? 0), 0),
            ),
          }
        : {}),
    };
  }
}
