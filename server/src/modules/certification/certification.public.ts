// Public verification of a "Giấy công nhận" by its code: a JSON route without an account, rate
// limited, and the look-up the portal's /verify/<code> page uses (rendered in the portal's layout).
import { CertificateSchema, type Certificate } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "../../db/client";
import { notFound } from "../../kernel/errors";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { ancestorsOf } from "../org-units";
import { formatCode, normaliseCode } from "./certificate-code";
import { addressingOf } from "./certification.addressing";

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

/**
 * The certificate with its unit placed for a reader who does not know it: "Khóm 1, Phường Bạc
 * Liêu, tỉnh Cà Mau", and the actual authority ("Chủ tịch Ủy ban nhân dân phường Bạc Liêu", not
 * "… cấp xã") — for the public /verify page, rendered with the portal's layout.
 */
export async function findCertificateWithPlace(
  db: Db,
  input: string,
): Promise<(Certificate & { place: string }) | null> {
  const cert = await findCertificate(db, input);
  if (!cert) return null;
  const [unit] = await queryRows<{ id: string; path: string; kind: string; name: string; fullName: string }>(
    db,
    sql`select u.id, u.path, u.kind, u.name, u.full_name as "fullName"
        from certification_cycles c join org_units u on u.id = c.org_unit_id
        where c.certificate_code = ${normaliseCode(input)} and c.status = 'recognised'`,
  );
  if (!unit) return { ...cert, place: cert.unitName };
  const above = await ancestorsOf(db, unit);
  const commune = above.findLast((a) => a.kind === "commune");
  const province = above.find((a) => a.kind === "province");
  const lower = (n: string) => n.charAt(0).toLowerCase() + n.slice(1);
  const place = [
    unit.fullName,
    commune && commune.id !== unit.id ? commune.fullName : null,
    province && province.id !== unit.id ? lower(province.fullName) : null,
  ].filter(Boolean);
  const { addressee } = addressingOf({ ...unit, unitType: cert.unitType }, above, cert.recognisingAuthority);
  return { ...cert, recognisingAuthority: addressee, place: place.join(", ") };
}
