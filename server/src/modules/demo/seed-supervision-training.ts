import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { activities, activityOrganizers, activityTrainees, activityTrainings } from "../activities";
import { provinceOf } from "../org-units";
import {
  supervisionFindings,
  supervisionRecommendations,
  supervisions,
} from "../supervision/supervision.table";

const NOTE = "Dữ liệu minh họa";

/** `iso` moved by `days` (calendar dates, no time zone involved). */
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const TRAINEES: [string, string][] = [
  ["Nguyễn Văn Út", "Tổ trưởng tổ tự quản khóm 1"],
  ["Trần Thị Bé Tư", "Trưởng Ban công tác Mặt trận khóm 1"],
  ["Lê Văn Sáu", "Tổ trưởng tổ tự quản khóm 2"],
  ["Huỳnh Thị Kim Loan", "Phó Ban công tác Mặt trận khóm 2"],
  ["Võ Văn Bảy", "Tổ trưởng tổ tự quản khóm 3"],
  ["Phan Thị Hồng Nhung", "Chi hội trưởng Phụ nữ khóm 3"],
  ["Dương Văn Tám", "Trưởng khóm 4"],
  ["Lâm Thị Mỹ Xuyên", "Phó Ban công tác Mặt trận khóm 4"],
  ["Thạch Văn Sơn", "Tổ trưởng tổ tự quản khóm 5"],
  ["Quách Thị Thu Ba", "Phó Ban công tác Mặt trận khóm 5"],
  ["Tăng Văn Hiếu", "Tổ trưởng tổ bảo vệ an ninh trật tự cơ sở khóm 6"],
  ["Đặng Thị Ngọc Hân", "Bí thư Chi đoàn khóm 6"],
];

/**
 * The ward Front's supervision and training of the demo (Phường Bạc Liêu), dated from `today`:
 * last year's closed supervision of the ward police's handling of the movement (two findings, two
 * recommendations, the police's answered, the People's Committee's still open), this year's ongoing
 * one with a finding, and last month's commune-level training with its roster of 12.
 */
export async function seedDemoSupervisionTraining(db: Db, wardId: string, today: string): Promise<void> {
  const [ward] = await queryRows<{ path: string; front: string; police: string }>(
    db,
    sql`select u.path,
          (select id from bodies where org_unit_id = u.id and kind = 'front') as front,
          (select id from bodies where org_unit_id = u.id and kind = 'police') as police
        from org_units u where u.id = ${wardId}`,
  );
  if (!ward?.front || !ward.police) throw new Error("demo: the ward's Front and police bodies are missing");
  const [cadre] = await queryRows<{ id: string }>(
    db,
    sql`select id from accounts where username = 'baclieu.mttq'`,
  );
  const by = cadre?.id ?? null;
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const unit = { orgUnitId: wardId, provinceId: provinceOf(ward.path), rollupPath: ward.path };
  const members = [
    { name: "Nguyễn Thị Thu Hà", position: "Chủ tịch Ủy ban MTTQ Việt Nam phường, Trưởng đoàn" },
    { name: "Trần Văn Lực", position: "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường" },
    { name: "Lý Thị Diễm", position: "Chủ tịch Hội Liên hiệp Phụ nữ phường" },
    { name: "Phạm Văn Đời", position: "Chủ tịch Hội Cựu chiến binh phường" },
  ];
  // This year's supervision started three weeks ago (not before 2 January) and runs ten more days.
  const from = [shift(today, -21), `${year}-01-02`].sort()[1]!;
  const found = [shift(today, -3), from].sort()[1]!;
  // Last month's training, on the 15th.
  const m = Number(today.slice(5, 7));
  const trainedOn = `${m === 1 ? year - 1 : year}-${String(m === 1 ? 12 : m - 1).padStart(2, "0")}-15`;

  await db.transaction(async (tx) => {
    const [closed] = await tx
      .insert(supervisions)
      .values({
        ...unit,
        title: `Giám sát việc Công an phường triển khai phong trào Toàn dân bảo vệ an ninh Tổ quốc năm ${last}`,
        subjectKind: "movement",
        content:
          "Việc Công an phường phối hợp với Mặt trận xây dựng phong trào, duy trì tổ tự quản và tổ bảo vệ an ninh trật tự ở các khóm, tiếp nhận và xử lý tin báo của Nhân dân",
        form: "delegation",
        periodFrom: `${last}-05-04`,
        periodTo: `${last}-05-29`,
        decisionNumber: `15/QĐ-MTTQ`,
        decisionDate: `${last}-04-20`,
        members,
        status: "closed",
        result: "partly",
        summary:
          "Công an phường triển khai phong trào đúng kế hoạch; còn chậm phản hồi tin báo và một số tổ tự quản hoạt động hình thức.",
        unansweredNote: "Kiến nghị gửi Ủy ban nhân dân phường được tiếp tục theo dõi trong năm sau.",
        closedOn: `${last}-07-15`,
        createdBy: by,
      })
      .returning({ id: supervisions.id });
    const [ongoing] = await tx
      .insert(supervisions)
      .values({
        ...unit,
        title: `Giám sát việc thực hiện mô hình "Camera an ninh" tại các khóm năm ${year}`,
        subjectKind: "movement",
        content: "Việc duy trì, khai thác camera an ninh và vai trò của Ban công tác Mặt trận các khóm",
        form: "delegation",
        periodFrom: from,
        periodTo: shift(today, 10),
        decisionNumber: `${(m % 9) + 3}/QĐ-MTTQ`,
        decisionDate: shift(from, -7),
        members: members.slice(0, 3),
        status: "ongoing",
        createdBy: by,
      })
      .returning({ id: supervisions.id });
    await tx.insert(supervisionFindings).values([
      {
        supervisionId: closed!.id,
        foundOn: `${last}-05-15`,
        content:
          "6/6 khóm có tổ tự quản và tổ bảo vệ an ninh trật tự; 2 tổ chưa sinh hoạt định kỳ hằng tháng.",
        recordedBy: by,
      },
      {
        supervisionId: closed!.id,
        foundOn: `${last}-05-28`,
        content: "Có 4 tin báo của Nhân dân được phản hồi sau 7 ngày; chưa công khai kết quả xử lý tại khóm.",
        recordedBy: by,
      },
      {
        supervisionId: ongoing!.id,
        foundOn: found,
        content: "Khóm 1 và khóm 3 có 5 camera hỏng chưa được sửa; chưa có người theo dõi hình ảnh ban đêm.",
        recordedBy: by,
      },
    ]);
    await tx.insert(supervisionRecommendations).values([
      {
        supervisionId: closed!.id,
        addresseeBodyId: ward.police,
        addresseeName: "Công an phường Bạc Liêu",
        content: "Phản hồi tin báo của Nhân dân trong 3 ngày làm việc và thông báo kết quả tại khóm.",
        madeOn: `${last}-06-05`,
        dueOn: `${last}-07-05`,
        responseContent: "Công an phường tiếp thu, đã ban hành quy trình tiếp nhận và phản hồi tin báo.",
        responseAction: "Phân công cảnh sát khu vực phụ trách phản hồi tin báo từng khóm",
        respondedOn: `${last}-06-25`,
        recordedBy: by,
      },
      {
        supervisionId: closed!.id,
        addresseeName: "Ủy ban nhân dân phường Bạc Liêu",
        content: "Bố trí kinh phí hỗ trợ sinh hoạt cho tổ tự quản và tổ bảo vệ an ninh trật tự các khóm.",
        madeOn: `${last}-06-05`,
        dueOn: `${last}-07-31`,
        recordedBy: by,
      },
    ]);
    const [training] = await tx
      .insert(activities)
      .values({
        ...unit,
        kind: "training",
        date: trainedOn,
        title: "Tập huấn nghiệp vụ công tác bảo vệ an ninh trật tự cho cán bộ khóm",
        topics: ["law"],
        channels: ["in_person"],
        organizerKinds: ["front"],
        attendees: TRAINEES.length,
        notes: NOTE,
        createdBy: by,
      })
      .returning({ id: activities.id });
    await tx
      .insert(activityOrganizers)
      .values({ activityId: training!.id, bodyId: ward.front, bodyKind: "front" });
    await tx
      .insert(activityTrainings)
      .values({ activityId: training!.id, level: "commune", form: "tap_huan" });
    await tx.insert(activityTrainees).values(
      TRAINEES.map(([fullName, position], i) => ({
        activityId: training!.id,
        ordinal: i + 1,
        fullName,
        position,
        organisation: "Phường Bạc Liêu",
      })),
    );
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "supervision",
      orgUnitId: wardId,
      data: { supervisions: 2, trainings: 1, trainees: TRAINEES.length },
    });
  });
}
