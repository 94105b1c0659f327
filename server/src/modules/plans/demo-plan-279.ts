import type { BodyKind, CreatePlanBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { createPlan } from "./commands/create-plan";

const MEMBER_ORGS: BodyKind[] = ["farmers", "women", "veterans", "youth", "labour", "elderly"];
const ALL: BodyKind[] = ["front", "police", ...MEMBER_ORGS];

/** The 8 key tasks of plan 279/KH-MTTQ-BCA as the Cà Mau/Bạc Liêu police summarised them (seed 002). */
const TASKS: { title: string; bodyKinds: BodyKind[] }[] = [
  {
    title:
      "Tiếp tục đẩy mạnh công tác tham mưu, phối hợp triển khai thực hiện các văn bản chỉ đạo của Đảng, Nhà nước, Mặt trận Tổ quốc, Bộ Công an và của cấp ủy, chính quyền địa phương về công tác đảm bảo an ninh, trật tự và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
    bodyKinds: ["front", "police"],
  },
  {
    title:
      "Tuyên truyền, vận động mỗi cán bộ, hội viên, đoàn viên và các thành viên trong gia đình tích cực tham gia quản lý, giáo dục con em, người thân không vi phạm pháp luật",
    bodyKinds: ALL,
  },
  {
    title: "Huy động hiệu quả mọi nguồn lực giúp đỡ người vi phạm pháp luật tái hòa nhập cộng đồng",
    bodyKinds: ALL,
  },
  {
    title:
      "Phối hợp với các cơ quan truyền thông tổ chức tuyên truyền, phổ biến, giáo dục pháp luật, nâng cao ý thức cảnh giác, chủ động phòng ngừa, phối hợp đấu tranh với các loại tội phạm",
    bodyKinds: ["front", "police"],
  },
  {
    title:
      "Nêu gương người tốt, việc tốt, các điển hình tiên tiến trong phong trào toàn dân bảo vệ an ninh Tổ quốc",
    bodyKinds: ALL,
  },
  {
    title:
      "Kịp thời nắm bắt những kiến nghị, phản ánh của người dân để đề xuất giải pháp khắc phục, giảm thiểu các nguyên nhân, điều kiện gây phức tạp về an ninh, trật tự",
    bodyKinds: ALL,
  },
  {
    title:
      "Củng cố xây dựng và nhân rộng các mô hình tự phòng, tự quản, tự bảo vệ về an ninh trật tự; các câu lạc bộ nhân dân tham gia phòng, chống tội phạm và tệ nạn xã hội ở địa phương, cơ sở",
    bodyKinds: ALL,
  },
  {
    title:
      "Tổ chức tập huấn, bồi dưỡng nghiệp vụ nâng cao nhận thức chính trị, pháp luật và kỹ năng tuyên truyền, vận động toàn dân tham gia phòng, chống tội phạm và vi phạm pháp luật cho cán bộ cấp huyện, xã, khu dân cư; tổ chức sơ kết, tổng kết, biểu dương, khen thưởng những tập thể, cá nhân tiêu biểu xuất sắc",
    bodyKinds: ["front", "police"],
  },
];

const MILESTONES: Record<number, string[]> = {
  2021: [
    "Triển khai các nội dung theo Kế hoạch",
    "Tổng kết Chương trình phối hợp giữa Công an và Hội Nông dân về công tác phòng, chống tội phạm giai đoạn 2017 - 2021",
    "Tổ chức kiểm tra công tác triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc và rà soát, đánh giá mô hình “tự phòng, tự quản” trong phạm vi toàn tỉnh",
    "Xây dựng mô hình một xã điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc, một phường điển hình về đảm bảo trật tự đô thị",
    "Hoàn thành chỉ tiêu khu dân cư, xã, phường, thị trấn; cơ quan, doanh nghiệp, nhà trường đạt tiêu chuẩn “An toàn về an ninh trật tự”",
  ],
  2022: [
    "Tiếp tục thực hiện các nội dung của Kế hoạch",
    "Tổ chức kiểm tra, đánh giá các mô hình “tự phòng, tự quản” đảm bảo an ninh trật tự; phối hợp thực hiện phóng sự tuyên truyền cá nhân, tập thể điển hình trong phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "Xét chọn, đề xuất tuyên dương toàn quốc khi có chỉ đạo",
  ],
  2023: [
    "Tiếp tục thực hiện các nội dung của Kế hoạch",
    "Tổng kết 10 năm (2013 - 2023) Chương trình phối hợp 09 về “Đẩy mạnh phong trào toàn dân bảo vệ ANTQ trong tình hình mới” gắn với tuyên dương, khen thưởng các điển hình tiên tiến",
  ],
};

const YEARS = [2021, 2022, 2023];
const T1 =
  "Chỉ tiêu 1: 100% hộ gia đình đoàn viên, hội viên ký cam kết xây dựng khu dân cư “An toàn về ANTT”";
const T2 =
  "Chỉ tiêu 2: từ 80% khu dân cư, xã, phường và trên 90% cơ quan, doanh nghiệp, nhà trường đạt “An toàn về ANTT”";

/** Demo data: plan 279/KH-MTTQ-BCA (2021–2023) at Cà Mau province, issued by its Front and police. */
export async function seedDemoPlan279(db: Db, actor: Actor, provinceId: string): Promise<string> {
  const issuers = await queryRows<{ id: string }>(
    db,
    sql`select id from bodies where org_unit_id = ${provinceId} and kind in ('front', 'police') order by kind`,
  );
  const body: CreatePlanBody = {
    number: "279/KH-MTTQ-BCA",
    kind: "plan",
    sourceIds: [],
    title: "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới, giai đoạn 2021 - 2023",
    issuedOn: "2021-03-29",
    orgUnitId: provinceId,
    periodFrom: 2021,
    periodTo: 2023,
    issuerBodyIds: issuers.map((b) => b.id),
    tasks: TASKS,
    milestones: YEARS.flatMap((year) => (MILESTONES[year] ?? []).map((text) => ({ year, text }))),
    targets: YEARS.flatMap((year) => [
      {
        indicator: "households.member_commitment_rate" as const,
        comparator: "gte" as const,
        value: 1,
        year,
        label: T1,
      },
      {
        indicator: "certification.residential_area_rate" as const,
        comparator: "gte" as const,
        value: 0.8,
        year,
        label: T2,
      },
      {
        indicator: "certification.commune_rate" as const,
        comparator: "gte" as const,
        value: 0.8,
        year,
        label: T2,
      },
      {
        indicator: "certification.agency_rate" as const,
        comparator: "gt" as const,
        value: 0.9,
        year,
        label: T2,
      },
    ]),
  };
  return createPlan(db, actor, body);
}
