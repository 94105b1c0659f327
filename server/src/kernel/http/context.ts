import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config";
import type { Database, Db } from "../../db/client";
import type { ReadReplica } from "../../db/read-replica";
import type { Actor } from "../authz";
import type { Envelope } from "../envelope";
import { unauthenticated } from "../errors";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    db: Db;
    /** The read replica's handle (DATABASE_READ_URL), or the primary's when none is set; see read-routing.ts. */
    readDb: Db;
    readReplica: ReadReplica | null;
    config: Config;
    /** Encrypts and decrypts sensitive fields (see kernel/envelope.ts). */
    envelope: Envelope;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export type Reply = FastifyReply;
