import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { openDatabase, queryRows, type Database } from "../../db/client";
import { call, login } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { copyTemplate } from "../../test/template";
import { importOfficialUnits } from "../org-units";

/**
 * The promise to a tipster: nothing the system keeps — database files, a backup, a dump of every
 * table, the logs at debug level, the metrics — holds what they wrote or the address they wrote
 * from. A tip carrying a marker is sent from a known address with a known user agent; then every
 * one of those is searched for the marker, the address and the agent: zero hits.
 * Runs on an on-disk PGlite (the embedded engine's files are what an administrator would copy), a
 * copy of the run's template; the PostgreSQL pass (DATABASE_URL) would repeat it as it is, so it
 * runs in the PGlite pass only.
 */
const onPostgresPass = Boolean(process.env.DATABASE_URL);
const MARKER = "ZEBRA-MARKER-4471";
const ADDRESS = "203.0.113.77";
const AGENT = "MarkerPhone/9.9 (Anonymity test)";

let dataDir: string;
let database: Database;
let app: FastifyInstance;
let logs = "";
let metrics = "";

const NEEDLES = [MARKER, ADDRESS, AGENT];

function hits(haystack: Buffer | string, where: string): string[] {
  const buf = typeof haystack === "string" ? Buffer.from(haystack, "utf8") : haystack;
  const found: string[] = [];
  for (const n of NEEDLES) {
    for (const form of [
      Buffer.from(n, "utf8"),
      Buffer.from(n, "utf16le"),
      Buffer.from(Buffer.from(n).toString("base64")),
    ]) {
      if (buf.includes(form)) found.push(`${where}: ${n}`);
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

const citizen = (url: string, payload: object) =>
  app.inject({
    method: "POST",
    url: `/api/v1/public${url}`,
    payload,
    remoteAddress: ADDRESS,
    headers: { "user-agent": AGENT, "x-forwarded-for": ADDRESS, referer: `https://example.org/${MARKER}` },
  });

beforeAll(async () => {
  if (onPostgresPass) return;
  const copy = await copyTemplate({ template: inject("databaseTemplate") });
  dataDir = copy.dataDir;
  database = await openDatabase({ dataDir });
  await database.migrate();
  await importOfficialUnits(database);
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => (logs += chunk.toString("utf8")));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "trace",
    WEB_DIST: "/nonexistent",
    METRICS_TOKEN: "anonymity-test-metrics-token",
  });
  app = await buildApp({ database, config, logStream: stream });
  await app.ready();

  const province = await unitByCode(app.db, "province", "96");
  const commune = await unitByCode(app.db, "commune", "31825");
  const police = await signedInAs(app, "commune_police", commune.id);
  const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#777" } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: MARKER } })
    .toBuffer();

  // The whole life of a tip, with the marker in every field the citizen can fill.
  const sent = await citizen("/tips", {
    category: "fraud",
    description: `Lừa đảo đầu tư tiền ảo ${MARKER} tại quán cà phê`,
    provinceId: province.id,
    communeId: commune.id,
    place: `Hẻm ${MARKER}`,
    occurredTime: `khoảng 21 giờ ${MARKER}`,
    contact: {
      consent: true,
      name: `Người báo ${MARKER}`,
      phone: "0912345678",
      email: `${MARKER}@example.org`,
    },
    attachments: [{ filename: `${MARKER}.jpg`, contentBase64: photo.toString("base64") }],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const { code, secret } = sent.json<{ code: string; secret: string }>();
  const [{ id }] = (await queryRows<{ id: string }>(
    app.db,
    sql`select id from tips where code = ${code}`,
  )) as [{ id: string }];
  expect(
    (await call(app, police, "POST", `/api/v1/tips/${id}/messages`, { body: `Đã nhận ${MARKER}` }))
      .statusCode,
  ).toBe(200);
  expect((await citizen("/tips/reply", { code, secret, body: `Bổ sung ${MARKER}` })).statusCode).toBe(201);
  expect((await citizen("/tips/status", { code, secret })).statusCode).toBe(200);
  expect((await citizen("/tips/status", { code, secret: `${MARKER}-WRONG-SECRET` })).statusCode).toBe(404);
  expect((await citizen("/tips", { category: "fraud", description: MARKER })).statusCode).toBe(400);
  const detail = await call(app, police, "GET", `/api/v1/tips/${id}`);
  expect(detail.json().description).toContain(MARKER);
  const fb = await citizen("/feedback", {
    kind: "phan_anh",
    topic: "security_order",
    title: `Phản ánh ${MARKER}`,
    content: `Tụ tập gây rối ${MARKER}`,
    provinceId: province.id,
    identity: { consent: true, name: `Tên ${MARKER}` },
  });
  expect(fb.statusCode, fb.body).toBe(201);
  await login(app, police.username, "test-password-1").catch(() => undefined);
  const scraped = await app.inject({
    method: "GET",
    url: "/metrics",
    headers: { authorization: "Bearer anonymity-test-metrics-token" },
  });
  expect(scraped.statusCode).toBe(200);
  metrics = scraped.body;
}, 360_000);

afterAll(async () => {
  await app?.close();
  await database?.close().catch(() => undefined);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(onPostgresPass)("anonymity of a tip", () => {
  it("no marker, address or agent in a dump of every table", async () => {
    const tables = await queryRows<{ schema: string; name: string }>(
      app.db,
      sql`select table_schema as schema, table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["tips", "tip_messages", "tip_attachments", "feedback_items", "audit_log"]),
    );
    let dump = "";
    for (const t of tables) {
      const rows = await queryRows<{ j: string }>(
        app.db,
        sql`select row_to_json(x)::text as j from ${sql.identifier(t.schema)}.${sql.identifier(t.name)} x`,
      );
      dump += rows.map((r) => r.j).join("\n");
    }
    expect(dump.length).toBeGreaterThan(10_000);
    expect(hits(dump, "SQL dump")).toEqual([]);
  });

  it("no marker, address or agent in the logs (trace level) or the metrics", () => {
    expect(logs).toContain('"route":"/api/v1/tips/:id"'); // the capture works: police requests are logged
    expect(logs).not.toContain("/api/v1/public/tips");
    expect(hits(logs, "logs")).toEqual([]);
    expect(metrics).toContain("http_request_duration_seconds");
    expect(metrics).not.toContain("/public/tips");
    expect(hits(metrics, "metrics")).toEqual([]);
  });

  it("no marker, address or agent in the database files or in a backup of them", async () => {
    await database.pglite!.query("checkpoint");
    const backup = Buffer.from(await (await database.pglite!.dumpDataDir("none")).arrayBuffer());
    expect(backup.length).toBeGreaterThan(1_000_000);
    expect(hits(backup, "backup")).toEqual([]);
    await database.close();
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.includes("pglite"))).toBe(true);
    const found = files.flatMap((f) => hits(fs.readFileSync(f), path.relative(dataDir, f)));
    expect(found).toEqual([]);
    // Proof the search can find a needle that is there: the police account's username is stored.
    const all = Buffer.concat(files.map((f) => fs.readFileSync(f)));
    expect(all.includes(Buffer.from("Test commune_police"))).toBe(true);
  });
});
