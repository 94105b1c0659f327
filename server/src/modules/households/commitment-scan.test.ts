import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import type { Session } from "../../test/harness";
import { addHousehold, buildWorld, sign, type World } from "./households.fixtures";

let w: World;
let householdId: string;
const YEAR = 2025;
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2048, 0x20), Buffer.from("\n%%EOF\n")]);

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = "----toandan-test-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(
  s: Session | null,
  id: string,
  year: number,
  file: Buffer,
  filename = "cam-ket.pdf",
  type = "application/pdf",
) {
  const { body, contentType } = multipart(file, filename, type);
  const headers: Record<string, string> = { "content-type": contentType };
  if (s) Object.assign(headers, { cookie: s.cookie, "x-csrf-token": s.csrf });
  return w.t.app.inject({
    method: "PUT",
    url: `/api/v1/households/${id}/commitments/${year}/scan`,
    headers,
    payload: body,
  });
}

beforeAll(async () => {
  w = await buildWorld();
  householdId = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA });
  await sign(w, w.baclieu, householdId, YEAR);
});
afterAll(() => w.t.close());

describe("commitment scans", () => {
  it("is 401 without a session and 404 outside the caller's scope", async () => {
    expect((await upload(null, householdId, YEAR, PDF)).statusCode).toBe(401);
    expect((await upload(w.anxuyen, householdId, YEAR, PDF)).statusCode).toBe(404);
  });

  it("is 404 for a year without a commitment", async () => {
    const res = await upload(w.baclieu, householdId, YEAR - 3, PDF);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("Hộ chưa có cam kết của năm này.");
  });

  it("refuses a file that is not a PDF, JPEG or PNG, whatever it claims", async () => {
    const res = await upload(w.baclieu, householdId, YEAR, Buffer.from("<html>not a scan</html>"), "x.pdf");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: "file", message: "Tệp phải là PDF, JPG hoặc PNG" }]);
  });

  it("refuses a file over 5 MB with 413", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
    expect((await upload(w.baclieu, householdId, YEAR, big)).statusCode).toBe(413);
  });

  it("stores the scan, audits it, and serves it back to readers in scope", async () => {
    const res = await upload(w.baclieu, householdId, YEAR, PDF);
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "commitment.scan_attached" });
    const detail = await call(w.t.app, w.baclieu, "GET", `/api/v1/households/${householdId}`);
    expect(detail.json().commitments[0]).toMatchObject({ year: YEAR, hasScan: true });
    const back = await call(
      w.t.app,
      w.baclieu,
      "GET",
      `/api/v1/households/${householdId}/commitments/${YEAR}/scan`,
    );
    expect(back.statusCode).toBe(200);
    expect(back.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(back.rawPayload, PDF)).toBe(0);
    expect(
      (await call(w.t.app, w.anxuyen, "GET", `/api/v1/households/${householdId}/commitments/${YEAR}/scan`))
        .statusCode,
    ).toBe(404);
  });
});
