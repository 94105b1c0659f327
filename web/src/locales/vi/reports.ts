/** Dashboard and reports strings (Vietnamese). */
export const reportsVi = {
  dashboard: {
    title: "Bảng điều khiển",
    year: "Năm",
    indicators: "Chỉ tiêu",
    target: "Chỉ tiêu kế hoạch",
    noTarget: "—",
    status: {
      met: "Đạt",
      on_track: "Đúng tiến độ",
      behind: "Chậm tiến độ",
      no_target: "Chưa giao chỉ tiêu",
      no_data: "Chưa có dữ liệu",
    },
    trend: "Diễn biến theo tháng",
    savePng: "Tải biểu đồ (PNG)",
    children: "Xếp hạng đơn vị trực thuộc",
    tiles: "Lưới đơn vị trực thuộc (thay cho bản đồ)",
    rank: "Hạng",
    unit: "Đơn vị",
    drill: "Xem {{name}}",
    none: "Không có đơn vị trực thuộc.",
    activities: "Số buổi, hoạt động",
    attendees: "Lượt người tham dự",
  },
};
