// Request and response schemas of the households module: the household register of a
// residential area, the yearly signed commitment, CSV import and coverage rates.
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import { LIMITS } from "../limits";
import type { CsvColumn } from "../csv-columns";
import { SafeFamilySchema } from "./safe-families";

/** Member organisations a household can belong to (a subset of BODY_KINDS). */
export const MEMBER_ORG_KINDS = ["farmers", "women", "veterans", "youth", "labour", "elderly"] as const;
export const MemberOrgKindSchema = z.enum(MEMBER_ORG_KINDS, {
  error: "Tổ chức thành viên không hợp lệ",
});
export type MemberOrgKind = z.infer<typeof MemberOrgKindSchema>;

export const HOUSEHOLD_LIMITS = {
  headNameMax: 200,
  addressMax: 300,
  codeMax: 32,
  membersMin: 1,
  membersMax: 50,
  formVersionMax: 50,
  importMaxRows: 100_000,
  importMaxChars: 16 * 1024 * 1024,
  firstYear: 2000,
} as const;

const boolString = z.enum(["true", "false"]).transform((v) => v === "true");

const headName = z
  .string({ error: "Họ tên chủ hộ là bắt buộc" })
  .trim()
  .min(1, "Họ tên chủ hộ không được để trống")
  .max(HOUSEHOLD_LIMITS.headNameMax, `Họ tên chủ hộ tối đa ${HOUSEHOLD_LIMITS.headNameMax} ký tự`);
const address = z
  .string({ error: "Địa chỉ là bắt buộc" })
  .trim()
  .min(1, "Địa chỉ không được để trống")
  .max(HOUSEHOLD_LIMITS.addressMax, `Địa chỉ tối đa ${HOUSEHOLD_LIMITS.addressMax} ký tự`);
const members = z.coerce
  .number({ error: "Số nhân khẩu phải là số" })
  .int("Số nhân khẩu phải là số nguyên")
  .min(
    HOUSEHOLD_LIMITS.membersMin,
    `Số nhân khẩu từ ${HOUSEHOLD_LIMITS.membersMin} đến ${HOUSEHOLD_LIMITS.membersMax}`,
  )
  .max(
    HOUSEHOLD_LIMITS.membersMax,
    `Số nhân khẩu từ ${HOUSEHOLD_LIMITS.membersMin} đến ${HOUSEHOLD_LIMITS.membersMax}`,
  );
const memberOrgs = z
  .array(MemberOrgKindSchema)
  .max(MEMBER_ORG_KINDS.length)
  .refine((a) => new Set(a).size === a.length, "Tổ chức thành viên bị lặp");
const code = z
  .string()
  .trim()
  .min(1, "Số hộ không được để trống")
  .max(HOUSEHOLD_LIMITS.codeMax, `Số hộ tối đa ${HOUSEHOLD_LIMITS.codeMax} ký tự`);

/** One household as entered (also one CSV line, without orgUnitId). */
export const HouseholdFieldsSchema = z.object({
  headName,
  address,
  members,
  memberOrgs: memberOrgs.default([]),
  code: code.optional(),
});
export type HouseholdFields = z.infer<typeof HouseholdFieldsSchema>;

export const CreateHouseholdBodySchema = HouseholdFieldsSchema.extend({ orgUnitId: IdSchema });
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBodySchema>;

export const UpdateHouseholdBodySchema = z
  .object({
    headName: headName.optional(),
    address: address.optional(),
    members: members.optional(),
    memberOrgs: memberOrgs.optional(),
    /** null clears the register number. */
    code: code.nullable().optional(),
    /** The date the household moved out of the area; null undoes it. */
    movedOutOn: IsoDateSchema.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Không có thay đổi nào");
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBodySchema>;

export const CommitmentSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  year: z.number().int(),
  signedOn: IsoDateSchema,
  formVersion: z.string(),
  hasScan: z.boolean(),
  createdAt: z.string(),
  /** Row version (+1 on every change, a scan attached too): send it as `If-Match` with an edit. */
  version: z.number().int().min(1),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const HouseholdSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  code: z.string().nullable(),
  headName: z.string(),
  address: z.string(),
  members: z.number().int(),
  memberOrgs: z.array(MemberOrgKindSchema),
  movedOutOn: IsoDateSchema.nullable(),
  /** Latest year with a signed commitment, or null. */
  lastSignedYear: z.number().int().nullable(),
  createdAt: z.string(),
  /** Row version: send it back as `If-Match` with an edit (412 `version_conflict` when stale). */
  version: z.number().int().min(1),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdDetailSchema = HouseholdSchema.extend({
  commitments: z.array(CommitmentSchema),
  /** Its safe-family recognitions, newest year first (withdrawn ones included). */
  safeFamilies: z.array(SafeFamilySchema),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

export const HouseholdPageSchema = pageOf(HouseholdSchema);

const yearSchema = z.coerce
  .number({ error: "Năm phải là số" })
  .int("Năm phải là số nguyên")
  .min(HOUSEHOLD_LIMITS.firstYear, `Năm không được trước ${HOUSEHOLD_LIMITS.firstYear}`)
  .max(2100, "Năm không hợp lệ");

export const ListHouseholdsQuerySchema = PageQuerySchema.extend({
  /** The whole subtree of this unit. */
  orgUnitId: IdSchema.optional(),
  /** Head name or address, accent-insensitive. */
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
  signedYear: yearSchema.optional(),
  /** With signedYear: households that did (true, the default) or did not (false) sign that year. */
  signed: boolString.optional(),
  memberOrg: MemberOrgKindSchema.optional(),
}).refine((q) => q.signed === undefined || q.signedYear !== undefined, {
  path: ["signedYear"],
  message: "Cần chọn năm (signedYear) khi lọc theo cam kết",
});
export type ListHouseholdsQuery = z.infer<typeof ListHouseholdsQuerySchema>;

const templateName = z
  .string({ error: "Tên mẫu cam kết là bắt buộc" })
  .trim()
  .min(1, "Tên mẫu cam kết không được để trống")
  .max(HOUSEHOLD_LIMITS.formVersionMax, `Tên mẫu cam kết tối đa ${HOUSEHOLD_LIMITS.formVersionMax} ký tự`);

// Strict: a client may not send `scanPath` (scans will come through an upload).
// The form is one of the templates managed by the household's unit or an ancestor (`templateId`,
// what the console sends); `formVersion`, the template's name as text, stays for API clients.
export const RecordCommitmentBodySchema = z
  .strictObject({
    year: yearSchema,
    signedOn: IsoDateSchema,
    templateId: z.uuid({ error: "Hãy chọn mẫu cam kết" }).optional(),
    formVersion: z
      .string({ error: "Phiên bản mẫu cam kết là bắt buộc" })
      .trim()
      .min(1, "Phiên bản mẫu cam kết không được để trống")
      .max(
        HOUSEHOLD_LIMITS.formVersionMax,
        `Phiên bản mẫu cam kết tối đa ${HOUSEHOLD_LIMITS.formVersionMax} ký tự`,
      )
      .optional(),
  })
  .refine((b) => b.templateId !== undefined || b.formVersion !== undefined, {
    path: ["templateId"],
    message: "Hãy chọn mẫu cam kết",
  });
export type RecordCommitmentBody = z.infer<typeof RecordCommitmentBodySchema>;

/** A commitment form managed by a unit (the ward's or the area's own). */
export const CommitmentTemplateSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type CommitmentTemplate = z.infer<typeof CommitmentTemplateSchema>;
export const CommitmentTemplateListSchema = z.object({
  /** The templates of the unit and its ancestors, the nearest unit's first, newest first. */
  items: z.array(CommitmentTemplateSchema),
  can: z.object({ create: z.boolean() }),
});
export type CommitmentTemplateList = z.infer<typeof CommitmentTemplateListSchema>;
export const ListCommitmentTemplatesQuerySchema = z.object({ orgUnitId: IdSchema });
export const CreateCommitmentTemplateBodySchema = z.strictObject({ orgUnitId: IdSchema, name: templateName });
export type CreateCommitmentTemplateBody = z.infer<typeof CreateCommitmentTemplateBodySchema>;

/**
 * The columns of a household CSV, Vietnamese header first (what the sample file writes); the
 * English names are accepted too. Member organisations come as one list column ("Phụ nữ; Nông
 * dân") and/or one yes/no column per organisation ("Hội Phụ nữ": Có/Không).
 */
export const HOUSEHOLD_CSV_COLUMNS = [
  {
    key: "headName",
    names: ["Chủ hộ", "Họ tên chủ hộ", "Họ và tên chủ hộ", "Tên chủ hộ", "head_name"],
    required: true,
  },
  { key: "address", names: ["Địa chỉ", "address"], required: true },
  { key: "members", names: ["Số nhân khẩu", "Nhân khẩu", "Số khẩu", "members"], required: true },
  {
    key: "memberOrgs",
    names: ["Hội viên, đoàn viên của", "Tổ chức thành viên", "Đoàn thể", "member_orgs"],
  },
  { key: "code", names: ["Số hộ", "Mã hộ", "code"] },
  { key: "movedOutOn", names: ["Ngày chuyển đi", "moved_out_on"] },
  { key: "org:farmers", names: ["Hội Nông dân", "Nông dân", "farmers"] },
  { key: "org:women", names: ["Hội Phụ nữ", "Phụ nữ", "women"] },
  { key: "org:veterans", names: ["Hội Cựu chiến binh", "Cựu chiến binh", "veterans"] },
  { key: "org:youth", names: ["Đoàn Thanh niên", "Thanh niên", "youth"] },
  { key: "org:labour", names: ["Công đoàn", "labour"] },
  { key: "org:elderly", names: ["Hội Người cao tuổi", "Người cao tuổi", "elderly"] },
] as const satisfies readonly CsvColumn[];
export type HouseholdCsvKey = (typeof HOUSEHOLD_CSV_COLUMNS)[number]["key"];

/** The sample file offered for download: the Vietnamese headers and two filled lines. */
export const HOUSEHOLD_CSV_SAMPLE = [
  "Chủ hộ,Địa chỉ,Số nhân khẩu,Số hộ,Hội Nông dân,Hội Phụ nữ,Hội Cựu chiến binh,Đoàn Thanh niên,Công đoàn,Hội Người cao tuổi,Ngày chuyển đi",
  "Nguyễn Văn An,12 Trần Phú,4,K1-001,Có,Có,Không,Không,Không,Không,",
  'Trần Thị Bình,"25 Lê Lợi, tổ 3",3,K1-002,Không,Có,Không,Có,Không,Không,',
].join("\r\n");

export const ImportHouseholdsBodySchema = z.object({
  orgUnitId: IdSchema,
  csv: z.string().min(1, "Tệp CSV trống").max(HOUSEHOLD_LIMITS.importMaxChars, "Tệp CSV quá lớn"),
});
export type ImportHouseholdsBody = z.infer<typeof ImportHouseholdsBodySchema>;
export const ImportHouseholdsQuerySchema = z.object({ wait: boolString.optional() });
export const ImportHouseholdsResultSchema = z.object({ created: z.number().int() });
export const ImportHouseholdsAcceptedSchema = z.object({ jobId: IdSchema });

export const ImportJobStatusSchema = z.enum(["queued", "running", "done", "failed"]);
export const HouseholdImportJobSchema = z.object({
  status: ImportJobStatusSchema,
  processed: z.number().int(),
  total: z.number().int(),
  created: z.number().int().optional(),
  error: z.string().optional(),
});
export type HouseholdImportJob = z.infer<typeof HouseholdImportJobSchema>;

export const CoverageQuerySchema = z.object({
  orgUnitId: IdSchema,
  year: yearSchema,
  groupBy: z.enum(["child"]).optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

export const CoverageByOrgSchema = z.object({
  kind: MemberOrgKindSchema,
  /** Member households (counted for the year). */
  members: z.number().int(),
  /** Member households that signed the year's commitment. */
  signed: z.number().int(),
});
export const CoverageFiguresSchema = z.object({
  /** Households registered and not moved out by 31/12 of the year. */
  households: z.number().int(),
  signed: z.number().int(),
  /** signed / households, 4 decimals; null when there are no households. */
  rate: z.number().nullable(),
  /** Households belonging to at least one member organisation (each counted once). */
  memberHouseholds: z.number().int(),
  memberSigned: z.number().int(),
  /** memberSigned / memberHouseholds; null when there are none. */
  memberRate: z.number().nullable(),
  byOrg: z.array(CoverageByOrgSchema),
});
export type CoverageFigures = z.infer<typeof CoverageFiguresSchema>;

export const CoverageSchema = CoverageFiguresSchema.extend({
  orgUnitId: IdSchema,
  year: z.number().int(),
  /** With groupBy=child: each current child unit of orgUnitId. */
  children: z
    .array(
      CoverageFiguresSchema.extend({
        orgUnitId: IdSchema,
        name: z.string(),
        code: z.string().nullable(),
        kind: z.string(),
      }),
    )
    .optional(),
});
export type Coverage = z.infer<typeof CoverageSchema>;
