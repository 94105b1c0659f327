// Reads behind the commendations routes: the nominations page, one nomination, the public register.
import type { FastifyReply } from "fastify";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { listExemplarRows } from "./commendations.public";
import { commendationListAbilities } from "./commendations.policy";
import { getCommendationRow, listCommendationRows, presentCommendation } from "./commendations.queries";

type PageQuery = { cursor?: string | undefined; limit: number };

/** Nominations in scope, with whether the caller may nominate. */
export async function listCommendationPage(
  db: Db,
  actor: Actor,
  q: PageQuery & { status?: Parameters<typeof listCommendationRows>[2] },
) {
  const offset = decodeCursor(q.cursor);
  const page = pageFrom(await listCommendationRows(db, actor, q.status, offset, q.limit), offset, q.limit);
  return { ...page, items: page.items.map(presentCommendation), can: commendationListAbilities(actor) };
}

export async function commendationDetail(db: Db, actor: Actor, id: string) {
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.read"));
}

/** The public register (consented entries), cacheable for a minute. */
export async function listExemplarPage(
  db: Db,
  reply: FastifyReply,
  q: PageQuery & { provinceCode?: string | undefined },
) {
  const offset = decodeCursor(q.cursor);
  void reply.header("cache-control", "public, max-age=60");
  return pageFrom(await listExemplarRows(db, q.provinceCode, offset, q.limit), offset, q.limit);
}
