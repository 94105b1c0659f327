import type { FastifyInstance } from "fastify";
import { summarise, type Summary } from "./stats";

/** A signed-in demo account: the session cookie (and CSRF token for writes) to send with each request. */
export type Session = { username: string; cookie: string; csrf: string };

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  const c = res.cookies.find((k) => k.name === "td_session");
  if (res.statusCode !== 200 || !c) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { username, cookie: `td_session=${c.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

/** One timed GET answering 200, through `app.inject`. */
export async function getJson<T>(
  app: FastifyInstance,
  session: Session,
  url: string,
): Promise<{ ms: number; body: T }> {
  const t0 = performance.now();
  const res = await app.inject({ method: "GET", url, headers: { cookie: session.cookie } });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) {
    throw new Error(`GET ${url} as ${session.username}: ${res.statusCode} ${res.body}`);
  }
  return { ms, body: res.json<T>() };
}

type Page = { items: unknown[]; nextCursor: string | null; total: number | null };

/** One GET through the whole HTTP stack (routing, auth, validation, SQL, serialisation). */
export async function getPage(
  app: FastifyInstance,
  session: Session,
  url: string,
): Promise<{ ms: number; page: Page }> {
  const t0 = performance.now();
  const res = await app.inject({ method: "GET", url, headers: { cookie: session.cookie } });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) {
    throw new Error(`GET ${url} as ${session.username}: ${res.statusCode} ${res.body}`);
  }
  return { ms, page: res.json<Page>() };
}

export type CaseFigures = {
  url: string;
  /** All matching units (one extra request with withTotal=true, not timed). */
  total: number | null;
  firstPageItems: number;
  hasNextPage: boolean;
  latencyMs: Summary;
};

export type Mix = { latencyMs: Summary; cases: Record<string, CaseFigures> };

/**
 * Runs the named URLs round-robin, `rounds` times each after one untimed warm-up round, and
 * summarises all requests together and per case.
 */
export async function measureMix(
  app: FastifyInstance,
  session: Session,
  urls: Record<string, string>,
  rounds: number,
): Promise<Mix> {
  const names = Object.keys(urls);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  const cases: Record<string, CaseFigures> = {};
  for (const name of names) {
    const url = urls[name]!;
    const counted = await getPage(app, session, `${url}&withTotal=true`);
    const { page } = await getPage(app, session, url);
    cases[name] = {
      url,
      total: counted.page.total,
      firstPageItems: page.items.length,
      hasNextPage: page.nextCursor !== null,
      latencyMs: summarise([]),
    };
  }
  const all: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const { ms } = await getPage(app, session, urls[name]!);
      samples.get(name)!.push(ms);
      all.push(ms);
    }
  }
  for (const name of names) cases[name]!.latencyMs = summarise(samples.get(name)!);
  return { latencyMs: summarise(all), cases };
}
