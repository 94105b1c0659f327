import { randomUUID } from "node:crypto";
import { ActivityDetailSchema } from "@toandan/contracts";
import { ResponseSerializationError } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeEncode } from "zod/v4/core";
import { replySerializerCompiler, sameBothWays } from "./reply-serializer";

const serializer = (schema: z.ZodType) =>
  replySerializerCompiler({ schema, method: "GET", url: "/t", httpPart: "body" }) as (
    data: unknown,
  ) => string;

/** Encodes as fastify-type-provider-zod's serializer does (its input typed loosely, as a handler's answer is). */
const encode = (data: unknown) => safeEncode(ActivityDetailSchema as z.ZodType, data);

const detail = (): Record<string, unknown> => ({
  id: randomUUID(),
  orgUnitId: randomUUID(),
  orgUnitName: "Khóm 1",
  kind: "meeting",
  date: "2026-03-04",
  title: null,
  topics: ["drugs"],
  channels: [],
  tags: ["a"],
  attendees: 30,
  households: 0,
  students: 0,
  leaflets: 5,
  panels: 0,
  slogans: 0,
  broadcastItems: 0,
  broadcastHours: 1.25,
  broadcastStations: 0,
  broadcastAirings: 0,
  broadcastMinutes: 0,
  notes: null,
  organizers: [{ id: randomUUID(), kind: "front", name: "Ủy ban MTTQ" }],
  createdAt: "2026-03-04T01:02:03.000Z",
  updatedAt: "2026-03-04T01:02:03.000Z",
  version: 1,
  can: { edit: true, delete: false },
});

describe("reply serializer", () => {
  it("parses only schemas in which nothing depends on the direction", () => {
    expect(sameBothWays(ActivityDetailSchema)).toBe(true);
    expect(sameBothWays(z.object({ a: z.union([z.string(), z.array(z.number().int())]).nullable() }))).toBe(
      true,
    );
    const directional = [
      z.string().transform((s) => s.length),
      z.number().default(0),
      z.number().prefault(0),
      z.number().catch(0),
      z.string().pipe(z.string()),
      z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }),
      z.object({ a: z.string() }).readonly(),
      z.lazy(() => z.string()),
      z.discriminatedUnion("k", [z.object({ k: z.literal("a") }), z.object({ k: z.literal("b") })]),
    ];
    for (const d of directional) {
      expect(sameBothWays(d)).toBe(false);
      // Wherever it sits.
      expect(sameBothWays(z.object({ x: z.array(d.optional()) }))).toBe(false);
      expect(sameBothWays(z.record(z.string(), d))).toBe(false);
      expect(sameBothWays(z.union([z.null(), d]))).toBe(false);
    }
  });

  it("answers what encoding answers: members stripped, the same values, the same refusals", () => {
    const print = serializer(ActivityDetailSchema);
    const good = detail();
    const encoded = encode(good);
    expect(encoded.success).toBe(true);
    expect(print({ ...good, rollupPath: "1.2.", createdBy: randomUUID() })).toBe(
      JSON.stringify(encoded.data),
    );
    const bad: Record<string, unknown>[] = [
      { id: "not-a-uuid" },
      { kind: "picnic" },
      { date: "04/03/2026" },
      { version: 0 },
      { version: 1.5 },
      { title: undefined },
      { organizers: [{ id: randomUUID(), kind: "front" }] },
      { can: { edit: "yes", delete: false } },
    ];
    for (const change of bad) {
      const data = { ...detail(), ...change };
      expect(encode(data).success).toBe(false);
      expect(() => print(data)).toThrow(ResponseSerializationError);
    }
  });

  it("a schema that depends on the direction is still encoded", () => {
    // Encoding does not apply a default: the missing member is refused, where parsing would fill it.
    const print = serializer(z.object({ n: z.number().default(1) }));
    expect(() => print({})).toThrow(ResponseSerializationError);
    expect(print({ n: 2 })).toBe('{"n":2}');
  });
});
