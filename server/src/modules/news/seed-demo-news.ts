import { clockNow, dateInVietnam } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { newsItems } from "./news.table";
import { vietnameseSlug } from "./slug";

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

/** Demo news and warnings of Cà Mau and Phường Bạc Liêu, dated some days before `now`. */
export async function seedDemoNews(
  db: Db,
  units: { province: string; ward: string },
  now: number = clockNow().getTime(),
): Promise<void> {
  const { province, ward } = units;
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
}
