import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createTestContext, type TestContext } from "../../test/harness";
import { contactIndexFor, ReceiptVerifier } from "../citizen";
import { places } from "../citizen/test-support";
import { backfillFeedbackContacts, submitFeedback } from "../feedback";
import { backfillTipContacts, submitTip } from "../tips";

/**
 * The contact-index backfill (issue 19) runs once: contacts written before the index existed are
 * indexed by the first run, which marks itself done; later runs read the mark and scan nothing.
 */
let t: TestContext;
let p: Awaited<ReturnType<typeof places>>;
const indexed = async (id: string) =>
  (
    await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from citizen_contact_index where record_id = ${id}`,
    )
  )[0]!.n;

/** A tip or item written as before the index: its contact sealed, no index rows. */
async function oldTip(phone: string) {
  const verifier = ReceiptVerifier.forApp(t.app);
  const res = await submitTip(t.app.db, t.app.envelope, verifier, {
    category: "drugs",
    description: "Tin báo cũ, trước khi có chỉ mục",
    provinceId: p.province.id,
    communeId: p.baclieu.id,
    contact: { consent: true, name: "Trần Văn Cũ", phone },
  });
  return (await queryRows<{ id: string }>(t.app.db, sql`select id from tips where code = ${res.code}`))[0]!
    .id;
}

beforeAll(async () => {
  t = await createTestContext();
  p = await places(t.app);
}, 300_000);
afterAll(() => t.close());

describe("the contact-index backfill", () => {
  it("indexes the old rows on its first run, marks itself done, and scans nothing afterwards", async () => {
    const ci = contactIndexFor(t.app);
    const tip = await oldTip("0977 100 200");
    const fb = await submitFeedback(
      t.app.db,
      t.app.envelope,
      ReceiptVerifier.forApp(t.app),
      {
        kind: "kien_nghi",
        topic: "officials",
        title: "Kiến nghị cũ",
        content: "Kiến nghị gửi trước khi có chỉ mục.",
        provinceId: p.province.id,
        communeId: p.baclieu.id,
        identity: { consent: true, name: "Trần Thị Cũ", phone: "0977 100 300" },
      },
      10,
    );
    const fbId = (
      await queryRows<{ id: string }>(t.app.db, sql`select id from feedback_items where code = ${fb.code}`)
    )[0]!.id;
    expect(await indexed(tip)).toBe(0);
    expect(await indexed(fbId)).toBe(0);

    expect(await backfillTipContacts(t.app.db, t.app.envelope, ci)).toBeGreaterThanOrEqual(1);
    expect(await backfillFeedbackContacts(t.app.db, t.app.envelope, ci)).toBeGreaterThanOrEqual(1);
    expect(await indexed(tip)).toBeGreaterThanOrEqual(2);
    expect(await indexed(fbId)).toBeGreaterThanOrEqual(2);
    const marks = await queryRows<{ name: string }>(
      t.app.db,
      sql`select name from citizen_upgrades order by name`,
    );
    expect(marks.map((m) => m.name)).toEqual([
      "contact_index_backfill:feedback",
      "contact_index_backfill:tip",
    ]);

    // Done: a later start reads the mark only — a row written without the key now is not scanned…
    const late = await oldTip("0977 100 400");
    expect(await backfillTipContacts(t.app.db, t.app.envelope, ci)).toBe(0);
    expect(await indexed(late)).toBe(0);
    // …unless the operator forces the run again.
    expect(await backfillTipContacts(t.app.db, t.app.envelope, ci, { force: true })).toBe(1);
    expect(await indexed(late)).toBeGreaterThanOrEqual(2);
  });
});
