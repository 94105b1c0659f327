CREATE TABLE "consent_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"version" integer NOT NULL,
	"text_vi" text NOT NULL,
	"withdrawal_consequence_vi" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_breaches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone,
	"place" text,
	"nature" text NOT NULL,
	"categories" jsonb NOT NULL,
	"data_description" text NOT NULL,
	"people_affected" integer NOT NULL,
	"consequences" text,
	"actions_taken" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"status" text DEFAULT 'open' NOT NULL,
	"notice_due_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"notice_reference" text,
	"late_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"rollup_path" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"identity_checked_by" text NOT NULL,
	"subject_sealed" "bytea" NOT NULL,
	"details_sealed" "bytea",
	"answer_sealed" "bytea",
	"outcome" text,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"records_found" integer,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commendations" ADD COLUMN "consent_text_id" uuid;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "contact_consent_text_id" uuid;--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breaches" ADD CONSTRAINT "privacy_breaches_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_breaches" ADD CONSTRAINT "privacy_breaches_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_texts_purpose_version_uq" ON "consent_texts" USING btree ("purpose","version");--> statement-breakpoint
CREATE INDEX "privacy_breaches_rollup_idx" ON "privacy_breaches" USING btree ("rollup_path" text_pattern_ops,"detected_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_rollup_idx" ON "privacy_requests" USING btree ("rollup_path" text_pattern_ops,"due_at");--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_contact_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("contact_consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "consent_texts" ("purpose", "version", "text_vi", "withdrawal_consequence_vi") VALUES
('commendation_register', 1, 'Tôi đồng ý để tên và tóm tắt việc làm tốt của tôi được công bố trên trang “Người tốt, việc tốt” của cổng thông tin phong trào Toàn dân bảo vệ an ninh Tổ quốc. Tôi được biết mình có thể rút lại sự đồng ý bất cứ lúc nào.', 'Tên và việc làm tốt được gỡ khỏi trang công khai; quyết định khen thưởng vẫn được lưu giữ theo quy định về thi đua, khen thưởng.'),
('tip_contact', 1, 'Tôi đồng ý để lại thông tin liên hệ (không bắt buộc; được mã hóa, chỉ Công an thụ lý đọc được)', 'Công an không liên hệ lại được qua điện thoại, thư điện tử; người báo tin vẫn theo dõi và trao đổi bằng mã tin báo và mã bí mật.'),
('feedback_contact', 1, 'Tôi đồng ý để cơ quan tiếp nhận lưu họ tên, địa chỉ, số điện thoại của tôi để trả lời kiến nghị, phản ánh.', 'Cơ quan tiếp nhận không gửi được văn bản trả lời; người gửi theo dõi kết quả bằng mã tra cứu.'),
('photo', 1, 'Tôi đồng ý để hình ảnh của tôi được sử dụng trong tin, bài về phong trào Toàn dân bảo vệ an ninh Tổ quốc.', 'Hình ảnh được gỡ khỏi tin, bài đang đăng và không được sử dụng tiếp.');
