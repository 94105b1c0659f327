CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"field" text NOT NULL,
	"old_value" text NOT NULL,
	"new_value" text NOT NULL,
	"legal_basis" text
);
--> statement-breakpoint
CREATE TABLE "org_unit_lineage" (
	"old_unit_id" uuid NOT NULL,
	"new_unit_id" uuid NOT NULL,
	"merge_type" text NOT NULL,
	"effective_date" date NOT NULL,
	CONSTRAINT "org_unit_lineage_old_unit_id_new_unit_id_pk" PRIMARY KEY("old_unit_id","new_unit_id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"kind" text NOT NULL,
	"type" text,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"sort_name" text NOT NULL,
	"parent_id" uuid,
	"province_id" uuid,
	"path" text NOT NULL,
	"rollup_path" text NOT NULL,
	"depth" integer NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"is_official" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_kind_ck" CHECK ("org_units"."kind" in ('country','province','district','commune','residential_area','agency','enterprise','school'))
);
--> statement-breakpoint
CREATE TABLE "account_roles" (
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "account_roles_account_id_role_org_unit_id_body_pk" PRIMARY KEY("account_id","role","org_unit_id","body")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"lock_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"org_unit_id" uuid,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_changes" ADD CONSTRAINT "org_unit_changes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_old_unit_id_org_units_id_fk" FOREIGN KEY ("old_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_lineage" ADD CONSTRAINT "org_unit_lineage_new_unit_id_org_units_id_fk" FOREIGN KEY ("new_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_province_id_org_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bodies_unit_kind_uq" ON "bodies" USING btree ("org_unit_id","kind");--> statement-breakpoint
CREATE INDEX "org_unit_changes_unit_idx" ON "org_unit_changes" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "org_unit_lineage_new_idx" ON "org_unit_lineage" USING btree ("new_unit_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_rollup_idx" ON "org_units" USING btree ("rollup_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_code_idx" ON "org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "org_units_code_prefix_idx" ON "org_units" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_search_prefix_idx" ON "org_units" USING btree ("search_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_search_trgm_idx" ON "org_units" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_official_code_uq" ON "org_units" USING btree ("kind","code","valid_from") WHERE "org_units"."is_official";--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_local_name_uq" ON "org_units" USING btree ("parent_id","kind","search_name") WHERE not "org_units"."is_official";--> statement-breakpoint
CREATE INDEX "account_roles_unit_idx" ON "account_roles" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "accounts_demo_idx" ON "accounts" USING btree ("is_demo") WHERE "accounts"."is_demo";--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_unit_idx" ON "audit_log" USING btree ("org_unit_id");