/** Strings of the public pages, the sign-in page and the shared error texts (loaded with the home page). */
export const publicVi = {
  appName: "Toàn Dân",
  skipToContent: "Bỏ qua, đến nội dung chính",
  language: { label: "Ngôn ngữ", vi: "Tiếng Việt", en: "English" },
  header: { signIn: "Đăng nhập" },
  home: {
    eyebrow: "Phong trào",
    title: "Toàn dân bảo vệ an ninh Tổ quốc",
    lead: "Toàn Dân là hệ thống thông tin của phong trào. Mặt trận Tổ quốc, lực lượng Công an và các tổ chức thành viên cùng sử dụng, từ cấp tỉnh đến từng khu dân cư.",
    signInCta: "Đăng nhập dành cho cán bộ",
    pillarsTitle: "Mỗi người dân cùng giữ gìn bình yên",
    pillars: {
      report: {
        title: "Phát hiện, tố giác tội phạm",
        body: "Người dân báo tin về tội phạm, vi phạm pháp luật cho cơ quan Công an; thông tin của người báo tin được giữ bí mật.",
      },
      safe: {
        title: "Khu dân cư an toàn",
        body: "Khu dân cư, xã, phường, cơ quan, doanh nghiệp và nhà trường phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự”.",
      },
      festival: {
        title: "Ngày hội 19/8",
        body: "Ngày 19 tháng 8 hằng năm là Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở mọi khu dân cư.",
      },
    },
    comingTitle: "Sắp ra mắt cho người dân",
    comingBody:
      "Gửi tin báo tội phạm ẩn danh, gửi phản ánh, kiến nghị và theo dõi kết quả, đọc tin tức và cảnh báo về phương thức, thủ đoạn phạm tội mới.",
    emergency: "Trường hợp khẩn cấp, hãy gọi Cảnh sát 113.",
  },
  footer: "Hệ thống thông tin phong trào Toàn dân bảo vệ an ninh Tổ quốc",
  signIn: {
    title: "Đăng nhập",
    intro: "Dành cho cán bộ Mặt trận, Công an và các tổ chức thành viên.",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    submit: "Đăng nhập",
    backHome: "Về trang chủ",
  },
  notFound: {
    title: "Không tìm thấy hoặc bạn không có quyền xem",
    body: "Trang hoặc dữ liệu bạn tìm không tồn tại, đã bị xóa, hoặc nằm ngoài phạm vi tài khoản của bạn.",
    home: "Về trang chủ",
    console: "Về trang làm việc",
  },
  retry: "Thử lại",
  errors: {
    validation_failed: "Dữ liệu không hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.",
    unauthenticated: "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.",
    invalid_credentials:
      "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau nhiều lần nhập sai. Vui lòng kiểm tra lại hoặc thử lại sau ít phút.",
    account_locked: "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.",
    account_disabled: "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.",
    csrf_invalid: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
    forbidden: "Bạn không có quyền thực hiện thao tác này.",
    not_found: "Không tìm thấy hoặc bạn không có quyền xem.",
    conflict: "Dữ liệu bị trùng hoặc xung đột với dữ liệu đã có.",
    /** Xung đột do máy chủ giải thích bằng lời của nó (kỳ đã khóa số liệu, số văn bản đã dùng). */
    serverSays: "{{message}}",
    reference_missing: "Dữ liệu tham chiếu không tồn tại.",
    period_locked: "Kỳ báo cáo đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.",
    invalid_transition: "Không thể chuyển sang trạng thái này.",
    payload_too_large: "Dữ liệu gửi lên quá lớn.",
    rate_limited: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
    internal_error: "Đã có lỗi xảy ra.",
    service_unavailable: "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau ít phút.",
    network_error: "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    fallback: "Đã có lỗi xảy ra (mã: {{requestId}})",
    fallbackNoId: "Đã có lỗi xảy ra.",
  },
  validation: {
    required: "Vui lòng nhập thông tin này.",
    tooShort: "Tối thiểu {{min}} ký tự.",
    tooLong: "Tối đa {{max}} ký tự.",
    invalid: "Giá trị không hợp lệ.",
  },
};
