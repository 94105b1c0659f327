import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { mediaItems, mediaPartnerships } from "../media/media.table";

const DEMO_NOTE = "Dữ liệu minh họa (demo): các bài seeds không nêu số văn bản phối hợp.";

/** A partnership to seed: where (unit kind and code), whose body, with whom, and its items. */
const PARTNERSHIPS = [
  {
    unit: sql`u.kind = 'province' and u.valid_to is null and u.full_name = 'Tỉnh Cà Mau'`,
    body: "front",
    partnerName: "Báo Cà Mau",
    partnerKind: "print",
    agreementNumber: "12/CTPH-MTTQ-BCM",
    periodFrom: "2025-07-01",
    periodTo: "2026-12-31",
    items: [
      ["2025-08-19", "Cà Mau tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc", "article", "law"],
      ["2025-11-12", "Mô hình camera an ninh ở khóm, ấp", "report", "law"],
      ["2026-03-26", "Đoàn viên thanh niên tham gia tuần tra an ninh", "news", "social_evils"],
    ],
  },
  {
    unit: sql`u.kind = 'province' and u.valid_to is null and u.full_name = 'Tỉnh Cà Mau'`,
    body: "police",
    partnerName: "Đài Phát thanh – Truyền hình Cà Mau",
    partnerKind: "radio_tv",
    agreementNumber: null,
    periodFrom: "2025-07-01",
    periodTo: "2026-12-31",
    items: [
      ["2025-09-05", "Chuyên mục An ninh Cà Mau: phòng, chống lừa đảo qua mạng", "column", "online_fraud"],
      ["2026-01-20", "Phóng sự: khu dân cư không ma túy", "report", "drugs"],
    ],
  },
  {
    unit: sql`u.kind = 'district' and u.code = '954'`,
    body: "front",
    partnerName: "Đài Truyền thanh thành phố Bạc Liêu",
    partnerKind: "commune_radio",
    agreementNumber: null,
    periodFrom: "2017-01-01",
    periodTo: "2017-12-31",
    items: [
      ["2017-05-29", "Tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc thành phố Bạc Liêu", "news", "law"],
    ],
  },
] as const;

/**
 * Illustrative media partnerships at Tỉnh Cà Mau and the former Bạc Liêu city with a few items each:
 * the seeds speak of coordinating with the press but give no agreements, so every row is marked demo.
 * They touch no figure the seed tests check (no activity, group or household). Runs once.
 */
export async function seedDemoMedia(db: Db): Promise<{ partnerships: number; items: number }> {
  const [done] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from media_partnerships where notes = ${DEMO_NOTE}`,
  );
  if (done!.n > 0) return { partnerships: 0, items: 0 };
  let partnerships = 0;
  let items = 0;
  await db.transaction(async (tx) => {
    for (const p of PARTNERSHIPS) {
      const [at] = await queryRows<{ unitId: string; rollupPath: string; bodyId: string }>(
        tx,
        sql`select u.id as "unitId", u.rollup_path as "rollupPath", b.id as "bodyId"
            from org_units u join bodies b on b.org_unit_id = u.id and b.kind = ${p.body}
            where ${p.unit} order by u.valid_from limit 1`,
      );
      if (!at) continue;
      const [row] = await tx
        .insert(mediaPartnerships)
        .values({
          orgUnitId: at.unitId,
          rollupPath: at.rollupPath,
          ownerBodyId: at.bodyId,
          partnerName: p.partnerName,
          partnerKind: p.partnerKind,
          agreementNumber: p.agreementNumber,
          periodFrom: p.periodFrom,
          periodTo: p.periodTo,
          notes: DEMO_NOTE,
        })
        .returning({ id: mediaPartnerships.id });
      partnerships++;
      await tx.insert(mediaItems).values(
        p.items.map(([publishedOn, title, kind, topic]) => ({
          partnershipId: row!.id,
          publishedOn,
          title,
          kind,
          topic,
        })),
      );
      items += p.items.length;
    }
  });
  return { partnerships, items };
}
