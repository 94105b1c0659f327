CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"confidence" text NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('day_off', 'working_weekend')),
	CONSTRAINT "calendar_days_confidence_check" CHECK ("calendar_days"."confidence" in ('official', 'projected'))
);
--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance_due_on" date;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance" text;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance_reason" text;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance_noticed_on" date;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance_channel" text;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "acceptance_by" uuid;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_acceptance_by_accounts_id_fk" FOREIGN KEY ("acceptance_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The shipped 2025–2027 table (contracts/src/calendar/holidays.ts) as the first rows; maintained from here on.
INSERT INTO "calendar_days" ("date", "kind", "name", "confidence", "source") VALUES
  ('2025-01-01', 'day_off', 'Tết Dương lịch', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-01-27', 'day_off', 'Tết Nguyên đán Ất Tỵ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-01-28', 'day_off', 'Tết Nguyên đán Ất Tỵ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-01-29', 'day_off', 'Tết Nguyên đán Ất Tỵ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-01-30', 'day_off', 'Tết Nguyên đán Ất Tỵ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-01-31', 'day_off', 'Tết Nguyên đán Ất Tỵ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-04-07', 'day_off', 'Giỗ Tổ Hùng Vương', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-05-02', 'day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-09-01', 'day_off', 'Quốc khánh (ngày nghỉ thêm)', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2025-09-02', 'day_off', 'Quốc khánh', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-01-01', 'day_off', 'Tết Dương lịch', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-02-16', 'day_off', 'Tết Nguyên đán Bính Ngọ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-02-17', 'day_off', 'Tết Nguyên đán Bính Ngọ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-02-18', 'day_off', 'Tết Nguyên đán Bính Ngọ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-02-19', 'day_off', 'Tết Nguyên đán Bính Ngọ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-02-20', 'day_off', 'Tết Nguyên đán Bính Ngọ', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-04-27', 'day_off', 'Giỗ Tổ Hùng Vương (nghỉ bù, 26/04 là Chủ nhật)', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2026-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-05-01', 'day_off', 'Ngày Quốc tế Lao động', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2026-09-01', 'day_off', 'Quốc khánh (ngày nghỉ thêm)', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2026-09-02', 'day_off', 'Quốc khánh', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2027-01-01', 'day_off', 'Tết Dương lịch', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2027-02-04', 'day_off', 'Tết Nguyên đán Đinh Mùi', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-02-05', 'day_off', 'Tết Nguyên đán Đinh Mùi', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-02-08', 'day_off', 'Tết Nguyên đán Đinh Mùi', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-02-09', 'day_off', 'Tết Nguyên đán Đinh Mùi', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-02-10', 'day_off', 'Tết Nguyên đán Đinh Mùi', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-04-16', 'day_off', 'Giỗ Tổ Hùng Vương', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2027-04-30', 'day_off', 'Ngày Giải phóng miền Nam', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2027-05-03', 'day_off', 'Ngày Quốc tế Lao động (nghỉ bù, 01/05 là thứ Bảy)', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2027-09-02', 'day_off', 'Quốc khánh', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)'),
  ('2027-09-03', 'day_off', 'Quốc khánh (ngày nghỉ thêm)', 'projected', 'Bảng dựng sẵn: dự kiến theo lệ thường, cần đối chiếu thông báo chính thức'),
  ('2025-04-26', 'working_weekend', 'Làm bù cho thứ Sáu 02/05/2025', 'official', 'Bảng dựng sẵn: thông báo nghỉ lễ, Tết hằng năm của Chính phủ / Bộ (BLLĐ 2019 Điều 112)')
ON CONFLICT ("date") DO NOTHING;
