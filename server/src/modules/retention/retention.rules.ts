import type { RetentionKind } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { deidentifyEndedCases } from "../cases";
import { dropClosedFeedbackIdentities } from "../feedback";
import { deidentifyLeftMembers } from "../groups";
import { deidentifyMovedOutHouseholds } from "../households";
import { dropClosedTipContacts } from "../tips";

/** What a module exports to carry out one rule (inside the run's transaction). */
export type Purger = (
  tx: Db,
  opts: { cutoff: string; pathPrefixes: string[] | null; dryRun: boolean },
) => Promise<{ due: number; done: number; records?: { id: string; unitId: string }[] }>;

export type RuleDefault = {
  kind: RetentionKind;
  title: string;
  countsFrom: string;
  removes: string;
  periodMonths: number;
  /** The domain rules give this period (false: a configurable default, "[?]"). */
  periodConfirmed: boolean;
  basis: string;
  /** The module function that carries it out; null: listed, not yet automated. */
  purge: Purger | null;
};

const PRINCIPLE =
  "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 3: dữ liệu chỉ được lưu giữ trong thời gian phù hợp với mục đích xử lý.";
const UNCONFIRMED =
  "[?] Thời hạn là mặc định có thể điều chỉnh, chưa có căn cứ pháp lý xác định thời hạn cụ thể.";

/**
 * The rules and their defaults (seeded into `retention_rules` when missing). No period below is
 * given by the domain rules (docs/domain-rules.md §9 sets the principle, not the periods): each is
 * a configurable default marked "[?]" for the data-protection officer to confirm.
 */
export const RULE_DEFAULTS: readonly RuleDefault[] = [
  {
    kind: "group_member_left",
    title: "Danh sách thành viên tổ, mô hình đã rời tổ",
    countsFrom: "Ngày rời tổ",
    removes:
      "Họ tên, dân tộc, tôn giáo, ghi chú, ngày sinh, số quyết định (giữ chức danh, ngày vào, ngày rời)",
    periodMonths: 60,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Danh sách tổ dòng tộc Khmer, tổ phật tử tiết lộ dân tộc, tôn giáo (dữ liệu nhạy cảm, Nghị định 13/2023/NĐ-CP Điều 2.4). ${UNCONFIRMED}`,
    purge: deidentifyLeftMembers,
  },
  {
    kind: "household_moved_out",
    title: "Sổ hộ gia đình đã chuyển đi",
    countsFrom: "Ngày chuyển đi",
    removes: "Họ tên chủ hộ, địa chỉ, số hộ trong sổ (giữ đơn vị, số nhân khẩu, các năm cam kết)",
    periodMonths: 60,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Địa chỉ là dữ liệu vị trí của người. ${UNCONFIRMED}`,
    purge: deidentifyMovedOutHouseholds,
  },
  {
    kind: "tip_contact_closed",
    title: "Thông tin liên hệ của người cung cấp tin báo tội phạm",
    countsFrom: "Ngày quyết định (khởi tố, không khởi tố) hoặc chuyển tin",
    removes: "Thông tin liên hệ đã mã hóa (giữ nội dung, kết quả xử lý và số liệu)",
    periodMonths: 12,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Bộ luật Tố tụng hình sự 2015 Điều 56: giữ bí mật người tố giác; liên hệ chỉ cần khi còn trao đổi. ${UNCONFIRMED}`,
    purge: dropClosedTipContacts,
  },
  {
    kind: "feedback_identity_closed",
    title: "Thông tin người gửi phản ánh, kiến nghị",
    countsFrom: "Ngày trả lời, chuyển hoặc từ chối",
    removes: "Họ tên, liên hệ của người gửi đã mã hóa (giữ nội dung, trả lời và số liệu)",
    periodMonths: 60,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Luật Tiếp công dân 2013: hồ sơ xử lý đơn được lưu theo quy định về lưu trữ. ${UNCONFIRMED}`,
    purge: dropClosedFeedbackIdentities,
  },
  {
    kind: "case_file_closed",
    title: "Hồ sơ tái hòa nhập, giáo dục tại xã, phường, thị trấn",
    countsFrom:
      "Ngày kết thúc quản lý vì đã được xóa án tích (người chấp hành xong án phạt tù) hoặc đã chấp hành xong biện pháp giáo dục tại xã",
    removes:
      "Họ tên, ngày sinh, số định danh, tội danh, ghi chú, người giúp đỡ, số quyết định và nội dung đã mã hóa của báo cáo, xếp loại, hỗ trợ (giữ loại hồ sơ, đơn vị, các ngày, nhóm xếp loại, kết quả và số liệu); hồ sơ không còn hiện trong danh sách",
    periodMonths: 60,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Dữ liệu về tội phạm do cơ quan thực thi pháp luật lưu giữ là dữ liệu nhạy cảm (Nghị định 13/2023/NĐ-CP Điều 2.4). Thông tư 10/2024/TT-BCA Điều 7, 14: người chấp hành xong án phạt tù được quản lý đến khi được xóa án tích, xóa án tích là căn cứ kết thúc quản lý. [?] Nghị định 120/2021/NĐ-CP: thời điểm biện pháp giáo dục tại xã không còn bị tính chưa được xác minh. Hồ sơ kết thúc vì lý do khác (chết, xuất cảnh, mất tích, bị phạt tù lại) không thuộc quy tắc này. ${UNCONFIRMED}`,
    purge: deidentifyEndedCases,
  },
  {
    kind: "data_subject_request",
    title: "Hồ sơ yêu cầu của chủ thể dữ liệu",
    countsFrom: "Ngày trả lời yêu cầu",
    removes: "Thông tin nhận diện người yêu cầu",
    periodMonths: 36,
    periodConfirmed: false,
    basis: `${PRINCIPLE} Bên kiểm soát phải chứng minh đã thực hiện yêu cầu (Nghị định 13/2023/NĐ-CP Điều 9, 11). Chưa tự động: phân hệ bảo vệ dữ liệu cá nhân chưa cung cấp chức năng ẩn danh. ${UNCONFIRMED}`,
    purge: null,
  },
];

export const RULE_BY_KIND = new Map(RULE_DEFAULTS.map((r) => [r.kind, r] as const));
