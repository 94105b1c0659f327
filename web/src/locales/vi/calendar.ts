/** Strings of the holidays page (Vietnamese, the default). */
export const calendarVi = {
  holidays: {
    title: "Ngày nghỉ lễ, làm bù",
    intro:
      "Mọi thời hạn tính theo ngày làm việc (tin báo, kiến nghị, hồ sơ, công nhận) đều tính theo bảng này: các ngày nghỉ lễ, Tết rơi vào ngày thường và các ngày thứ Bảy, Chủ nhật đi làm bù. Cập nhật theo thông báo hằng năm của Chính phủ, Bộ Nội vụ; thay đổi có hiệu lực ngay và được ghi nhật ký.",
    basis:
      "Căn cứ: Điều 112 Bộ luật Lao động 2019; thông báo nghỉ lễ, Tết hằng năm của Thủ tướng Chính phủ, Bộ Nội vụ.",
    year: "Năm",
    list: "Các ngày trong năm {{year}}",
    none: "Chưa có ngày nào trong năm này.",
    date: "Ngày",
    weekday: "Thứ",
    kind: "Loại",
    name: "Tên",
    confidence: "Độ tin cậy",
    source: "Căn cứ, số thông báo",
    actions: "Thao tác",
    add: "Thêm hoặc sửa một ngày",
    addHint: "Nhập một ngày đã có để sửa ngày đó.",
    datePlaceholder: "dd/mm/yyyy",
    dateInvalid: "Nhập ngày dạng dd/mm/yyyy",
    save: "Lưu",
    saved: "Đã lưu ngày {{date}}.",
    edit: "Sửa",
    remove: "Xóa",
    removeTitle: "Xóa ngày {{date}}?",
    removeText: "Ngày “{{name}}” sẽ bị xóa khỏi bảng; các thời hạn tính từ nay sẽ không tính ngày này nữa.",
    reason: "Lý do xóa",
    removed: "Đã xóa ngày {{date}}.",
    cancel: "Hủy",
    weekdays: ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
  },
};
export type CalendarStrings = typeof calendarVi;
