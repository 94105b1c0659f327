import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config";
import type { Database, Db } from "../../db/client";
import type { Actor } from "../authz";
import type { Envelope } from "../envelope";
import { unauthenticated } from "../errors";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    db: Db;
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
