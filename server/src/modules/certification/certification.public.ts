// Public verification of a "Giấy công nhận" by its code: a JSON route and a small server-rendered
// page at /verify/<code>, both without an account and rate limited. The page carries no script and
// does not load the web bundle, so it stays light on a phone scanning a printed certificate.
import { CertificateSchema, CERTIFICATION_UNIT_TYPES, type Certificate } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { queryRows, type Db } from "../../db/client";
import { notFound } from "../../kernel/errors";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { formatCode, normaliseCode } from "./certificate-code";

const PUBLIC_LIMIT = { max: 30, timeWindow: "1 minute" };

/** The recognised certificate with this code, or null (a forged or mistyped code). */
export async function findCertificate(db: Db, input: string): Promise<Certificate | null> {
  const code = normaliseCode(input);
  if (!code) return null;
  const [row] = await queryRows<Omit<Certificate, "code" | "valid">>(
    db,
    sql`select u.full_name as "unitName", c.unit_type as "unitType", c.year, c.decision_number as "decisionNumber",
          c.decision_date::text as "decisionDate", c.recognising_authority as "recognisingAuthority"
        from certification_cycles c join org_units u on u.id = c.org_unit_id
        where c.certificate_code = ${code} and c.status = 'recognised'`,
  );
  return row ? { ...row, code: formatCode(code), valid: true } : null;
}

/** The certificate with this code, or 404 (a forged or mistyped code). */
export async function verifyCertificate(db: Db, code: string): Promise<Certificate> {
  const cert = await findCertificate(db, code);
  if (!cert) throw notFound("Không tìm thấy giấy công nhận với mã này.");
  return cert;
}

export const certificatePublicApi = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/certificates/:code",
    operationId: "verifyCertificate",
    summary: "Public: verify a certificate by its code (no account); 404 for an unknown code",
    tags: ["certification"],
    public: true,
    config: { rateLimit: PUBLIC_LIMIT },
    params: z.object({ code: z.string().max(64) }),
    response: CertificateSchema,
    handler: ({ db, params }) => verifyCertificate(db, params.code),
  }),
]);

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const UNIT_TYPE_VI: Record<(typeof CERTIFICATION_UNIT_TYPES)[number], string> = {
  residential_area: "Khu dân cư",
  commune: "Xã, phường, đặc khu",
  agency: "Cơ quan",
  enterprise: "Doanh nghiệp",
  school: "Cơ sở giáo dục",
};

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

function page(title: string, inner: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Toàn Dân</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1a1b1e;line-height:1.5}
header{background:#a61e1e;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none;font-weight:700}
main{max-width:640px;margin:24px auto;padding:0 16px}
.card{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:20px}
.ok{border-left:6px solid #2b8a3e}.bad{border-left:6px solid #c92a2a}
dt{font-weight:600;margin-top:8px}dd{margin:0}
code{font-size:1.1em;letter-spacing:.05em}
label{display:block;font-weight:600;margin:16px 0 4px}
input{font:inherit;padding:8px;width:100%;box-sizing:border-box;border:1px solid #868e96;border-radius:4px}
button{font:inherit;margin-top:8px;padding:8px 16px;background:#a61e1e;color:#fff;border:0;border-radius:4px}
</style></head>
<body><header><a href="/">Toàn Dân</a></header><main>${inner}
<form method="get" action="/verify"><label for="code">Tra cứu mã giấy công nhận khác</label>
<input id="code" name="code" autocomplete="off" placeholder="XXXX-XXXX-XXXX-XXXX" maxlength="40">
<button type="submit">Tra cứu</button></form></main></body></html>`;
}

function validHtml(c: Certificate): string {
  return page(
    `Giấy công nhận ${c.code}`,
    `<h1>Giấy công nhận hợp lệ</h1><section class="card ok" aria-labelledby="r">
<p id="r"><strong>${esc(c.unitName)}</strong> được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${c.year}.</p>
<dl><dt>Mã xác thực</dt><dd><code>${esc(c.code)}</code></dd>
<dt>Loại đơn vị</dt><dd>${UNIT_TYPE_VI[c.unitType]}</dd>
<dt>Quyết định</dt><dd>Số ${esc(c.decisionNumber)}, ngày ${vnDate(c.decisionDate)}</dd>
<dt>Cấp công nhận</dt><dd>${esc(c.recognisingAuthority)}</dd></dl></section>`,
  );
}

const notFoundHtml = () =>
  page(
    "Không tìm thấy giấy công nhận",
    `<h1>Không tìm thấy giấy công nhận</h1><section class="card bad"><p>Mã này không khớp với giấy công nhận nào
đang có hiệu lực. Hãy kiểm tra lại mã in trên giấy; nếu mã đúng mà vẫn không tìm thấy, giấy có thể không hợp lệ.</p></section>`,
  );

/** The public page; registered outside /api so the SPA fallback does not catch it. */
export const certificatePublicPage: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { code: string } }>(
    "/verify/:code",
    { schema: { hide: true }, config: { rateLimit: PUBLIC_LIMIT } },
    async (req, reply) => {
      const cert = await findCertificate(app.db, req.params.code.slice(0, 64));
      reply.type("text/html; charset=utf-8").header("cache-control", "no-store");
      return cert ? reply.send(validHtml(cert)) : reply.status(404).send(notFoundHtml());
    },
  );
  app.get<{ Querystring: { code?: string } }>(
    "/verify",
    { schema: { hide: true }, config: { rateLimit: PUBLIC_LIMIT } },
    async (req, reply) => {
      const code = typeof req.query.code === "string" ? req.query.code.trim().slice(0, 64) : "";
      if (code) return reply.redirect(`/verify/${encodeURIComponent(code)}`);
      return reply
        .type("text/html; charset=utf-8")
        .send(page("Tra cứu giấy công nhận", "<h1>Tra cứu giấy công nhận</h1>"));
    },
  );
};
