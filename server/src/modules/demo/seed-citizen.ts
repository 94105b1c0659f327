import path from "node:path";
import { clockNow } from "@toandan/contracts";
import { and, eq, isNull } from "drizzle-orm";
import { loadConfig } from "../../config";
import type { Db } from "../../db/client";
import { Envelope, loadOrCreateMasterKey } from "../../kernel/envelope";
import { accounts } from "../accounts/accounts.table";
import { ReceiptVerifier } from "../citizen";
import { submitFeedback } from "../feedback";
import { feedbackItems } from "../feedback/feedback.table";
import { seedDemoNews } from "../news";
import { orgUnits } from "../org-units/org-units.table";
import { appendTipMessage, submitTip } from "../tips";
import { tips } from "../tips/tips.table";

const DAY = 86_400_000;

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
  const now = clockNow().getTime();
  await seedDemoNews(db, { province, ward }, now);
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
