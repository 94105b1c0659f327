// Labels of the privacy module's values in Vietnamese and English, shared by the web, the audit
// log's lines and the documents the server prints.
import type {
  BreachStatus,
  ConsentPurpose,
  DataCategory,
  LegalBasis,
  ProcessingException,
  StorageKind,
  SubjectRequestChannel,
  SubjectRequestKind,
  SubjectRequestOutcome,
  SubjectRequestStatus,
} from "./privacy";

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const SUBJECT_REQUEST_KIND_LABELS: Labels<SubjectRequestKind> = {
  access: { vi: "Xem, cung cấp dữ liệu", en: "Access" },
  correct: { vi: "Chỉnh sửa dữ liệu", en: "Correction" },
  restrict: { vi: "Hạn chế xử lý", en: "Restriction" },
  object: { vi: "Phản đối xử lý", en: "Objection" },
  delete: { vi: "Xóa dữ liệu", en: "Deletion" },
};

export const SUBJECT_REQUEST_CHANNEL_LABELS: Labels<SubjectRequestChannel> = {
  in_person: { vi: "Trực tiếp", en: "In person" },
  letter: { vi: "Văn bản, thư", en: "Letter" },
  phone: { vi: "Điện thoại", en: "Phone" },
  email: { vi: "Thư điện tử", en: "Email" },
  portal: { vi: "Cổng thông tin", en: "Portal" },
};

export const SUBJECT_REQUEST_STATUS_LABELS: Labels<SubjectRequestStatus> = {
  received: { vi: "Đang xử lý", en: "Open" },
  answered: { vi: "Đã trả lời", en: "Answered" },
};

export const SUBJECT_REQUEST_OUTCOME_LABELS: Labels<SubjectRequestOutcome> = {
  fulfilled: { vi: "Đã thực hiện", en: "Carried out" },
  partly_fulfilled: { vi: "Thực hiện một phần", en: "Partly carried out" },
  exception: { vi: "Giữ lại dữ liệu theo ngoại lệ luật định", en: "Kept under a legal exception" },
  no_records: { vi: "Không có dữ liệu", en: "No records" },
  identity_not_verified: { vi: "Chưa xác minh được danh tính", en: "Identity not verified" },
};

export const PROCESSING_EXCEPTION_LABELS: Labels<ProcessingException> = {
  crime_prevention: {
    vi: "Cơ quan nhà nước xử lý để phòng, chống tội phạm, bảo đảm an ninh, trật tự (Điều 16.2, 17 Nghị định 13/2023/NĐ-CP)",
    en: "State processing for crime prevention and public order (Decree 13/2023 Art. 16.2, 17)",
  },
  state_function: {
    vi: "Cơ quan nhà nước thực hiện nhiệm vụ theo luật chuyên ngành (Điều 17 Nghị định 13/2023/NĐ-CP)",
    en: "A State agency's function under specialised law (Decree 13/2023 Art. 17)",
  },
  legal_obligation: {
    vi: "Luật yêu cầu lưu giữ, công khai (Điều 17 Nghị định 13/2023/NĐ-CP)",
    en: "Retention or disclosure required by law (Decree 13/2023 Art. 17)",
  },
};

export const BREACH_STATUS_LABELS: Labels<BreachStatus> = {
  open: { vi: "Chưa thông báo", en: "Not notified" },
  notified: { vi: "Đã thông báo A05", en: "Notified to A05" },
  closed: { vi: "Đã kết thúc", en: "Closed" },
};

export const DATA_CATEGORY_LABELS: Labels<DataCategory> = {
  basic: { vi: "Dữ liệu cá nhân cơ bản", en: "Basic personal data" },
  sensitive: { vi: "Dữ liệu cá nhân nhạy cảm", en: "Sensitive personal data" },
};

export const LEGAL_BASIS_LABELS: Labels<LegalBasis> = {
  state_function: {
    vi: "Nhiệm vụ của cơ quan nhà nước theo luật",
    en: "A State agency's function under law",
  },
  consent: { vi: "Sự đồng ý của chủ thể dữ liệu", en: "The data subject's consent" },
  legal_obligation: { vi: "Nghĩa vụ theo quy định của luật", en: "An obligation under law" },
};

export const STORAGE_KIND_LABELS: Labels<StorageKind> = {
  sealed: { vi: "Mã hóa (niêm phong)", en: "Encrypted (sealed)" },
  clear: { vi: "Không mã hóa", en: "In clear" },
  mixed: { vi: "Một phần mã hóa", en: "Partly encrypted" },
};

export const CONSENT_PURPOSE_LABELS: Labels<ConsentPurpose> = {
  commendation_register: {
    vi: "Công bố gương người tốt, việc tốt",
    en: "Publishing in the register of good deeds",
  },
  tip_contact: { vi: "Lưu thông tin liên hệ khi báo tin", en: "Keeping contact details on a tip" },
  feedback_contact: {
    vi: "Lưu thông tin liên hệ khi gửi kiến nghị, phản ánh",
    en: "Keeping contact details on feedback",
  },
  photo: { vi: "Sử dụng hình ảnh cá nhân", en: "Using a person's photo" },
};
