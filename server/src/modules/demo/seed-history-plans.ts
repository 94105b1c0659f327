import type { BodyKind } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { provinceOf } from "../org-units";
import { bodies } from "../org-units/org-units.table";
import {
  planIssuers,
  planReviews,
  planSourceLinks,
  planSources,
  planTasks,
  plans,
} from "../plans/plans.table";

/**
 * The Party directives, programmes and Front plans the seed articles cite, filed at the units that
 * issued them: Directive 09-CT/TW at the country, Programme 20-CTr/TU at the former Bạc Liêu city
 * (district 954), plans 156/KH-MTTQ and 165–168 at the former Bạc Liêu province (code 95). Units
 * that ended on 30/06/2025 no longer take new plans, so these history records are written as rows,
 * as the activities of those years are; they read from today's units through the rollup path.
 */

type Unit = { id: string; path: string; rollupPath: string };

async function unitOf(db: Db, kind: string, code: string | null): Promise<Unit> {
  const [u] = await queryRows<Unit>(
    db,
    sql`select id, path, rollup_path as "rollupPath" from org_units
        where kind = ${kind} and ${code === null ? sql`true` : sql`code = ${code}`}
        order by valid_to nulls first limit 1`,
  );
  if (!u) throw new Error(`demo: unit ${kind} ${code} not found; import the units first`);
  return u;
}

/** An old unit (valid until 30/06/2025) by code. */
async function oldUnitOf(db: Db, kind: string, code: string): Promise<Unit> {
  const [u] = await queryRows<Unit>(
    db,
    sql`select id, path, rollup_path as "rollupPath" from org_units
        where kind = ${kind} and code = ${code} and valid_to is not null`,
  );
  if (!u) throw new Error(`demo: former unit ${kind} ${code} not found; import the units first`);
  return u;
}

async function bodyOf(db: Db, unitId: string, kind: BodyKind): Promise<string> {
  const [b] = await queryRows<{ id: string }>(
    db,
    sql`select id from bodies where org_unit_id = ${unitId} and kind = ${kind}`,
  );
  if (!b) throw new Error(`demo: no ${kind} body at unit ${unitId}`);
  return b.id;
}

/**
 * The two national bodies that issue joint plans with the whole country as scope: the Central
 * Committee of the Fatherland Front and the Ministry of Public Security (plan 279/KH-MTTQ-BCA).
 * The imported tree has no bodies at the country; the demo adds these two, once.
 */
export async function seedNationalBodies(db: Db): Promise<string> {
  const root = await unitOf(db, "country", null);
  await db
    .insert(bodies)
    .values([
      { orgUnitId: root.id, kind: "front", name: "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" },
      { orgUnitId: root.id, kind: "police", name: "Bộ Công an" },
    ])
    .onConflictDoNothing();
  return root.id;
}

const CT09_TITLE =
  "Tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới";
const DE_AN_01_TITLE =
  "Vận động toàn dân tham gia phòng ngừa, phát hiện, tố giác tội phạm; cảm hóa, giáo dục, cải tạo người phạm tội tại gia đình và cộng đồng dân cư";

/** The findings of the city's five-year review of Directive 09 (seed 004, 29/05/2017). */
const REVIEW_2017 =
  "Qua 05 năm triển khai thực hiện, phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn thành phố có nhiều chuyển biến tích cực. " +
  "Kiện toàn 11 Ban chỉ đạo 138 với trên 200 thành viên, 18 ban bảo vệ an ninh trật tự ấp (99 thành viên), 817 tổ tự quản, tổ an ninh nhân dân (1.157 thành viên), " +
  "17 tổ tự quản bến xe (85 thành viên), 405 tổ tự quản nhà cho thuê, 07 tổ phòng, chống tội phạm (42 thành viên). " +
  "Lắp đặt 65 pano, 186 khẩu hiệu; tuyên truyền gần 1.000 cuộc với trên 25.000 lượt hộ gia đình; trên 24.000 lượt học sinh; " +
  "tại địa bàn dân cư 2.669 cuộc với 101.662 lượt người tham dự; tiếp nhận 956 lượt đối tượng để giúp đỡ, giáo dục, 571 lượt hoàn lương. " +
  "Hằng năm 95–97% hộ gia đình, 94% khóm, ấp, trên 90% xã, phường và 98–100% cơ quan, doanh nghiệp được công nhận an toàn về ANTT.";

type PlanRow = {
  number: string;
  title: string;
  issuedOn: string;
  unit: Unit;
  issuers: string[];
  periodFrom: number;
  periodTo: number;
  sourceIds: string[];
  tasks: { title: string; bodyKinds: BodyKind[] }[];
};

const TASKS_165_168 = (what: string): PlanRow["tasks"] => [
  {
    title: `Phối hợp các ngành chức năng, các tổ chức thành viên triển khai thực hiện công tác ${what} theo kế hoạch năm 2019 của Ban chỉ đạo 138 tỉnh`,
    bodyKinds: ["front", "police"],
  },
  {
    title:
      "Tổ chức triển khai rộng rãi trong hệ thống Mặt trận từ tỉnh đến khu dân cư; lồng ghép tuyên truyền Kế hoạch số 156/KH-MTTQ",
    bodyKinds: ["front", "farmers", "women", "veterans", "youth", "labour", "elderly"],
  },
];

/** Sources and plans of seeds 000 and 004, linked to each other. Returns the plans' ids by number. */
export async function seedDemoHistoryPlans(db: Db): Promise<Record<string, string>> {
  const root = await unitOf(db, "country", null);
  const city = await oldUnitOf(db, "district", "954");
  const province = await oldUnitOf(db, "province", "95");
  const cityFront = await bodyOf(db, city.id, "front");
  const cityPolice = await bodyOf(db, city.id, "police");
  const provinceFront = await bodyOf(db, province.id, "front");
  return db.transaction(async (tx) => {
    const source = async (s: Omit<typeof planSources.$inferInsert, "orgUnitId" | "rollupPath">, at: Unit) => {
      const [row] = await tx
        .insert(planSources)
        .values({ ...s, orgUnitId: at.id, rollupPath: at.rollupPath })
        .returning({ id: planSources.id });
      return row!.id;
    };
    const ct09 = await source(
      {
        kind: "chi_thi",
        number: "09-CT/TW",
        issuedOn: "2011-12-01",
        issuer: "Ban Bí thư (khóa XI)",
        title: CT09_TITLE,
        level: "central",
      },
      root,
    );
    // The city Party Standing Committee's programme implementing the directive: in the register of
    // source documents (its issuer is no body of the system) and, below, as the city's plan record.
    await source(
      {
        kind: "chuong_trinh",
        number: "20-CTr/TU",
        issuedOn: "2012-12-28",
        issuer: "Ban Thường vụ Thành ủy Bạc Liêu",
        title: CT09_TITLE,
        level: "district",
        implementsId: ct09,
      },
      city,
    );
    // Project 01 of the national crime-prevention programme (Decision 138/1998/QĐ-TTg, 31/07/1998),
    // chaired by the Front; the demo dates it by that programme: the project's own date is not in the seeds.
    const deAn01 = await source(
      {
        kind: "de_an",
        number: "01-138",
        issuedOn: "1998-07-31",
        issuer:
          "Chính phủ (Chương trình quốc gia phòng, chống tội phạm); Ủy ban Trung ương MTTQ Việt Nam chủ trì",
        title: DE_AN_01_TITLE,
        level: "central",
      },
      root,
    );
    const kh156 = await source(
      {
        kind: "ke_hoach",
        number: "156/KH-MTTQ",
        issuedOn: "2019-03-06",
        issuer: "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Bạc Liêu",
        title: `Hướng dẫn Mặt trận các cấp phối hợp triển khai thực hiện Đề án “${DE_AN_01_TITLE}”`,
        level: "province",
        implementsId: deAn01,
      },
      province,
    );
    const rows: PlanRow[] = [
      {
        number: "20-CTr/TU",
        title: CT09_TITLE,
        issuedOn: "2012-12-28",
        unit: city,
        issuers: [cityFront, cityPolice],
        periodFrom: 2013,
        periodTo: 2017,
        sourceIds: [ct09],
        tasks: [
          {
            title:
              "Kiện toàn, nâng cao chất lượng hoạt động của Ban chỉ đạo 138, ban bảo vệ an ninh trật tự, tổ tự quản, tổ an ninh nhân dân",
            bodyKinds: ["front", "police", "steering"],
          },
          {
            title:
              "Tuyên truyền, giáo dục pháp luật, phòng, chống tội phạm, tệ nạn xã hội trong khu dân cư và trường học",
            bodyKinds: ["front", "police", "youth", "women"],
          },
          {
            title:
              "Vận động xây dựng gia đình, khóm, ấp, xã, phường, cơ quan, doanh nghiệp, nhà trường an toàn về an ninh trật tự",
            bodyKinds: ["front", "police"],
          },
        ],
      },
      {
        number: "156/KH-MTTQ",
        title: `Hướng dẫn Mặt trận các cấp phối hợp triển khai thực hiện Đề án “${DE_AN_01_TITLE}”`,
        issuedOn: "2019-03-06",
        unit: province,
        issuers: [provinceFront],
        periodFrom: 2019,
        periodTo: 2019,
        sourceIds: [deAn01],
        tasks: [
          {
            title:
              "Mặt trận các cấp chủ trì, phối hợp vận động toàn dân tham gia phòng ngừa, phát hiện, tố giác tội phạm",
            bodyKinds: ["front"],
          },
          {
            title:
              "Phối hợp tổ chức cảm hóa, giáo dục trước cộng đồng người vi phạm, giúp họ hòa nhập cộng đồng dân cư",
            bodyKinds: ["front", "police"],
          },
        ],
      },
      ...(
        [
          ["165", "phòng, chống tội phạm"],
          ["166", "phòng, chống mua bán người"],
          ["167", "phòng, chống ma túy, mại dâm, HIV/AIDS"],
          ["168", "xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"],
        ] as const
      ).map(([number, what]) => ({
        number,
        title: `Phối hợp các ngành chức năng, các tổ chức thành viên triển khai thực hiện công tác ${what} năm 2019`,
        issuedOn: "2019-04-08",
        unit: province,
        issuers: [provinceFront],
        periodFrom: 2019,
        periodTo: 2019,
        sourceIds: [kh156],
        tasks: TASKS_165_168(what),
      })),
    ];
    const ids: Record<string, string> = {};
    for (const p of rows) {
      const [plan] = await tx
        .insert(plans)
        .values({
          number: p.number,
          title: p.title,
          issuedOn: p.issuedOn,
          orgUnitId: p.unit.id,
          provinceId: provinceOf(p.unit.rollupPath),
          rollupPath: p.unit.rollupPath,
          periodFrom: p.periodFrom,
          periodTo: p.periodTo,
          kind: "plan",
        })
        .returning({ id: plans.id });
      const planId = plan!.id;
      ids[p.number] = planId;
      await tx.insert(planIssuers).values(p.issuers.map((bodyId) => ({ planId, bodyId })));
      await tx.insert(planSourceLinks).values(p.sourceIds.map((sourceId) => ({ planId, sourceId })));
      await tx.insert(planTasks).values(p.tasks.map((t, i) => ({ planId, ordinal: i + 1, ...t })));
    }
    await tx.insert(planReviews).values({
      planId: ids["20-CTr/TU"]!,
      kind: "five_year",
      year: 2017,
      reviewedOn: "2017-05-29",
      sourceId: ct09,
      findings: REVIEW_2017,
      figures: [],
    });
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "plan",
      data: { sources: 4, plans: rows.map((p) => p.number) },
    });
    return ids;
  });
}
