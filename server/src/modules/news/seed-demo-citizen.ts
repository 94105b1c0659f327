import { dateInVietnam } from "@toandan/contracts";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { loadConfig } from "../../config";
import type { Db } from "../../db/client";
import { Envelope, loadOrCreateMasterKey } from "../../kernel/envelope";
import { accounts } from "../accounts/accounts.table";
import { submitFeedback } from "../feedback";
import { feedbackItems } from "../feedback/feedback.table";
import { orgUnits } from "../org-units/org-units.table";
import { appendTipMessage } from "../tips";
import { submitTip } from "../tips";
import { ReceiptVerifier } from "../tips";
import { tips } from "../tips/tips.table";
import { vietnameseSlug } from "./slug";
import { newsItems } from "./news.table";

const DAY = 86_400_000;

const NEWS: {
  kind: "news" | "warning";
  unit: "province" | "ward";
  body: "front" | "police";
  title: string;
  summary: string;
  text: string;
  daysAgo: number;
}[] = [
  {
    kind: "warning",
    unit: "province",
    body: "police",
    title: "Cảnh báo thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền",
    summary: "Công an không làm việc, không yêu cầu chuyển tiền qua điện thoại hay mạng xã hội.",
    text: "Thời gian gần đây, các đối tượng gọi điện xưng là công an, thông báo người dân liên quan đến đường dây rửa tiền và yêu cầu chuyển tiền vào “tài khoản tạm giữ”.\n\nCông an tỉnh Cà Mau khuyến cáo: cơ quan công an không làm việc qua điện thoại, không yêu cầu chuyển tiền. Khi nhận cuộc gọi như vậy, hãy cúp máy và báo ngay cho công an xã, phường nơi cư trú.",
    daysAgo: 2,
  },
  {
    kind: "warning",
    unit: "ward",
    body: "police",
    title: "Cảnh giác với lời mời “việc nhẹ lương cao” qua mạng",
    summary: "Nhiều người bị lừa nộp tiền “đặt cọc” để nhận việc làm thêm trên mạng.",
    text: "Đối tượng đăng tin tuyển cộng tác viên làm nhiệm vụ đặt đơn hàng, ban đầu trả hoa hồng nhỏ để tạo lòng tin, sau đó yêu cầu nạp số tiền lớn rồi chiếm đoạt.\n\nKhông nạp tiền để nhận việc; báo ngay cho Công an phường Bạc Liêu qua trang tố giác tội phạm.",
    daysAgo: 5,
  },
  {
    kind: "warning",
    unit: "province",
    body: "police",
    title: "Tín dụng đen núp bóng ứng dụng vay tiền nhanh",
    summary: "Lãi suất cắt cổ, đòi nợ bằng cách bôi nhọ người thân.",
    text: "Các ứng dụng vay tiền không rõ nguồn gốc yêu cầu quyền truy cập danh bạ, sau đó đe dọa, bôi nhọ người vay và người thân khi chậm trả.\n\nChỉ vay tại tổ chức tín dụng được cấp phép; khi bị đe dọa, hãy giữ lại bằng chứng và tố giác với cơ quan công an.",
    daysAgo: 9,
  },
  {
    kind: "news",
    unit: "ward",
    body: "front",
    title: "Phường Bạc Liêu ra mắt mô hình “Khóm 1 an toàn, không tội phạm”",
    summary: "Ban công tác Mặt trận Khóm 1 cùng Công an phường ra mắt mô hình tự quản về an ninh, trật tự.",
    text: "Sáng nay, Ủy ban MTTQ phường Bạc Liêu phối hợp Công an phường tổ chức ra mắt mô hình “Khóm 1 an toàn, không tội phạm”, với 120 hộ ký cam kết.\n\nMô hình duy trì tổ tuần tra nhân dân, nhóm Zalo an ninh khóm và hòm thư tố giác tội phạm.",
    daysAgo: 1,
  },
  {
    kind: "news",
    unit: "province",
    body: "front",
    title: "Cà Mau sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm",
    summary: "Nhân dân cung cấp hàng trăm nguồn tin giúp lực lượng công an phát hiện, xử lý vi phạm.",
    text: "Ủy ban MTTQ tỉnh Cà Mau phối hợp Công an tỉnh sơ kết phong trào 6 tháng đầu năm. Các địa phương đã tổ chức nhiều buổi tuyên truyền, vận động nhân dân tố giác tội phạm.\n\nHội nghị biểu dương các tập thể, cá nhân tiêu biểu.",
    daysAgo: 12,
  },
  {
    kind: "news",
    unit: "ward",
    body: "police",
    title: "Công an phường Bạc Liêu tuyên truyền phòng chống ma túy tại trường học",
    summary: "Hơn 600 học sinh được nghe tuyên truyền về tác hại của ma túy và thuốc lá điện tử.",
    text: "Công an phường Bạc Liêu phối hợp Đoàn Thanh niên tổ chức buổi tuyên truyền phòng, chống ma túy cho học sinh.\n\nCác em được hướng dẫn nhận biết ma túy “núp bóng” bánh kẹo, nước uống và cách báo tin cho công an.",
    daysAgo: 15,
  },
];

async function unitId(db: Db, kind: string, code: string): Promise<string> {
  const [u] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, kind), eq(orgUnits.code, code), isNull(orgUnits.validTo)));
  return u!.id;
}

/**
 * Demo news and warnings, crime tips in different states and feedback in Cà Mau / Phường Bạc Liêu.
 * Tips are sealed with the running configuration's master key (DATA_DIR/keys or MASTER_KEY_FILE).
 */
export async function seedDemoCitizen(db: Db, masterKeyFile = loadConfig().masterKeyFile): Promise<void> {
  const province = await unitId(db, "province", "96");
  const ward = await unitId(db, "commune", "31825");
  const [author] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, "baclieu.congan"));
  const policeAccount = author?.id ?? null;
  const now = Date.now();
  for (const n of NEWS) {
    await db
      .insert(newsItems)
      .values({
        slug: vietnameseSlug(n.title),
        kind: n.kind,
        orgUnitId: n.unit === "province" ? province : ward,
        authorBody: n.body,
        title: n.title,
        summary: n.summary,
        body: n.text,
        publishedOn: dateInVietnam(new Date(now - n.daysAgo * DAY)),
      })
      .onConflictDoNothing();
  }
  const env = new Envelope(loadOrCreateMasterKey(masterKeyFile));
  const verifier = new ReceiptVerifier(
    loadOrCreateMasterKey(path.join(path.dirname(masterKeyFile), "receipt-verifier.key")),
  );
  const tip = (description: string, category: string, daysAgo: number, communeId?: string) =>
    submitTip(
      db,
      env,
      verifier,
      {
        category: category as "drugs",
        description,
        provinceId: province,
        ...(communeId ? { communeId } : {}),
      },
      new Date(now - daysAgo * DAY),
    );
  await tip(
    "Nhóm thanh niên tụ tập sử dụng ma túy đá vào ban đêm tại căn nhà cuối hẻm, thường có xe lạ ra vào.",
    "drugs",
    0.2,
    ward,
  );
  const b = await tip(
    "Có điểm cá độ bóng đá qua mạng tại quán cà phê gần chợ, nhiều người đến đặt cược mỗi tối.",
    "gambling",
    2,
    ward,
  );
  const c = await tip(
    "Tôi bị một tài khoản mạng xã hội lừa chuyển 12 triệu đồng để “nhận quà tri ân”.",
    "fraud",
    6,
    ward,
  );
  await tip("Xe tải chở hàng không rõ nguồn gốc bốc dỡ ban đêm tại bến sông.", "smuggling", 1);
  await db.update(tips).set({ urgency: "normal", status: "triaged" }).where(eq(tips.code, b.code));
  await db
    .update(tips)
    .set({ urgency: "normal", status: "transferred", transferredAt: new Date(now - 4 * DAY) })
    .where(eq(tips.code, c.code));
  for (const [code, text] of [
    [b.code, "Công an phường Bạc Liêu đã tiếp nhận tin báo của anh/chị và đang xác minh. Xin cảm ơn."],
    [
      c.code,
      "Tin báo đã được chuyển Cơ quan Cảnh sát điều tra Công an tỉnh Cà Mau để giải quyết theo thẩm quyền.",
    ],
  ] as const) {
    const [row] = await db.select({ id: tips.id }).from(tips).where(eq(tips.code, code));
    await db.transaction((tx) =>
      appendTipMessage(tx, env, row!.id, "police", policeAccount, text, new Date(now - DAY)),
    );
  }
  const fb = await submitFeedback(
    db,
    env,
    verifier,
    {
      kind: "phan_anh",
      topic: "security_order",
      title: "Đua xe trái phép trên đường Trần Phú",
      content: "Tối thứ Bảy hằng tuần có nhóm thanh niên tụ tập đua xe, gây mất an toàn giao thông.",
      provinceId: province,
      communeId: ward,
    },
    15,
    new Date(now - 3 * DAY),
  );
  await submitFeedback(
    db,
    env,
    verifier,
    {
      kind: "kien_nghi",
      topic: "movement",
      title: "Đề nghị lắp thêm đèn chiếu sáng ở hẻm 5, Khóm 1",
      content: "Hẻm 5 Khóm 1 thiếu đèn, ban đêm tối, dễ xảy ra trộm cắp. Đề nghị lắp thêm đèn.",
      provinceId: province,
      communeId: ward,
    },
    15,
    new Date(now - 20 * DAY),
  );
  await db.update(feedbackItems).set({ status: "in_progress" }).where(eq(feedbackItems.code, fb.code));
}
