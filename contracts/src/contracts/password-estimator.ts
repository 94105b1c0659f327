import type { TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";

// Loaded only through password-policy.ts's dynamic import: keep it out of every static import.

/** Common Vietnamese password words the English dictionaries do not know. */
const VIETNAMESE_COMMON = [
  "matkhau",
  "mat khau",
  "baomat",
  "anninh",
  "toquoc",
  "vietnam",
  "hanoi",
  "saigon",
  "hochiminh",
  "xinchao",
  "yeuem",
  "anhyeuem",
  "emyeuanh",
  "iloveyou",
  "dangnhap",
  "quantri",
  "admin",
  "congan",
  "mattran",
  "phuong",
  "tinh",
  "huyen",
  "nguyen",
  "tran",
  "pham",
  "hoang",
  "huynh",
  "phan",
  "dang",
  "bui",
  "ngo",
  "duong",
];

const VI_TRANSLATIONS: TranslationKeys = {
  warnings: {
    straightRow: "các phím liền hàng trên bàn phím rất dễ đoán",
    keyPattern: "các mẫu phím ngắn rất dễ đoán",
    simpleRepeat: 'ký tự lặp lại như "aaa" rất dễ đoán',
    extendedRepeat: 'chuỗi lặp lại như "abcabcabc" rất dễ đoán',
    sequences: 'dãy ký tự thông dụng như "abc", "123" rất dễ đoán',
    recentYears: "các năm gần đây rất dễ đoán",
    dates: "ngày tháng rất dễ đoán",
    topTen: "đây là một trong những mật khẩu bị dùng nhiều nhất",
    topHundred: "đây là mật khẩu bị dùng rất nhiều",
    common: "đây là mật khẩu thông dụng",
    similarToCommon: "mật khẩu này gần giống một mật khẩu thông dụng",
    wordByItself: "một từ đơn lẻ rất dễ đoán",
    namesByThemselves: "tên hoặc họ đơn lẻ rất dễ đoán",
    commonNames: "tên và họ phổ biến rất dễ đoán",
    userInputs: "không dùng tên đăng nhập, họ tên, tên đơn vị hay tên hệ thống",
    pwned: "mật khẩu này đã bị lộ trên Internet",
  },
  suggestions: {
    l33t: 'tránh thay chữ dễ đoán như "@" cho "a"',
    reverseWords: "tránh viết ngược các từ thông dụng",
    allUppercase: "viết hoa một vài chữ, không phải tất cả",
    capitalization: "viết hoa thêm chữ khác ngoài chữ đầu",
    dates: "tránh ngày tháng năm gắn với bạn",
    recentYears: "tránh các năm gần đây",
    associatedYears: "tránh các năm gắn với bạn",
    sequences: "tránh các dãy ký tự thông dụng",
    repeated: "tránh lặp lại từ và ký tự",
    longerKeyboardPattern: "dùng mẫu phím dài hơn và đổi hướng gõ nhiều lần",
    anotherWord: "thêm vài từ ít gặp",
    useWords: "dùng nhiều từ ghép lại, tránh các câu quen thuộc",
    noNeed: "không cần ký hiệu, số hay chữ hoa: vài từ ít gặp ghép lại là đủ mạnh",
    pwned: "nếu bạn dùng mật khẩu này ở nơi khác, hãy đổi nó",
  },
  timeEstimation: {
    ltSecond: "dưới một giây",
    second: "{base} giây",
    seconds: "{base} giây",
    minute: "{base} phút",
    minutes: "{base} phút",
    hour: "{base} giờ",
    hours: "{base} giờ",
    day: "{base} ngày",
    days: "{base} ngày",
    month: "{base} tháng",
    months: "{base} tháng",
    year: "{base} năm",
    years: "{base} năm",
    centuries: "hàng thế kỷ",
  },
};

let estimator: Promise<ZxcvbnFactory> | undefined;

/** The estimator with the common and English dictionaries and Vietnamese feedback, loaded once. */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, "vi-common": VIETNAMESE_COMMON },
      graphs: common.adjacencyGraphs,
      translations: VI_TRANSLATIONS,
    });
  })();
  estimator.catch(() => {
    estimator = undefined;
  });
  return estimator;
}
