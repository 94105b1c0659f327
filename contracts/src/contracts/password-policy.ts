import type { TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { LIMITS } from "../limits";
import { foldVietnamese } from "../text";

/**
 * The one password policy for NEW passwords (account creation, password change, an
 * administrator's reset, the create-admin command): at least `LIMITS.passwordMin` characters and
 * a zxcvbn score of at least `PASSWORD_MIN_SCORE` (of 0–4), judged with the account's own words
 * (username, display name, unit names, the system's name) as guessable. Existing passwords are
 * not re-judged: sign-in checks only the hash.
 *
 * The estimator and its dictionaries (≈1.5 MB) are loaded on first use with dynamic imports, so a
 * web page that never checks a password never downloads them.
 */
export const PASSWORD_MIN_SCORE = 3;

/** What the account is known by: its words make a password easier to guess. */
export type PasswordContext = {
  username?: string | undefined;
  displayName?: string | undefined;
  unitNames?: readonly string[] | undefined;
};

export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; message: string };

export const PASSWORD_TOO_SHORT = `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự`;
const TOO_GUESSABLE = "Mật khẩu quá dễ đoán";
const DEFAULT_HINT = "hãy dùng vài từ ít gặp ghép lại, dài hơn";

/** Words every password here should avoid, besides the account's own. */
const SYSTEM_WORDS = ["toandan", "toàn dân", "toan dan", "toàn dân bảo vệ an ninh tổ quốc", "mttq", "congan"];

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

/**
 * The account's words in every form a person might type them: as written, lower case, without
 * accents (đ → d), with and without spaces, and each word alone.
 */
export function passwordUserInputs(context: PasswordContext): string[] {
  const phrases = [context.username, context.displayName, ...(context.unitNames ?? []), ...SYSTEM_WORDS];
  const out = new Set<string>();
  for (const phrase of phrases) {
    if (!phrase?.trim()) continue;
    for (const form of [phrase.toLowerCase().trim(), foldVietnamese(phrase)]) {
      // Every run of consecutive words, joined with and without spaces: "phường bạc liêu" gives
      // "bac lieu", "baclieu", "lieu", …
      const words = form.split(/[\s._-]+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j <= Math.min(words.length, i + 6); j++) {
          const run = words.slice(i, j);
          if (run.join("").length < 3) continue;
          out.add(run.join(" "));
          out.add(run.join(""));
        }
      }
    }
  }
  return [...out];
}

/** Judges a new password; the refusal's message is Vietnamese, for the password field. */
export async function checkNewPassword(password: string, context: PasswordContext): Promise<PasswordVerdict> {
  if (password.length < LIMITS.passwordMin) return { ok: false, score: 0, message: PASSWORD_TOO_SHORT };
  const zxcvbn = await loadPasswordEstimator();
  const inputs = passwordUserInputs(context);
  const result = zxcvbn.check(password, inputs);
  // The estimator knows no diacritics: "Toàn Dân" is judged as the "toandan" it hides too.
  const folded = foldVietnamese(password).replace(/\s+/g, "");
  const foldedResult = folded !== password ? zxcvbn.check(folded, inputs) : result;
  const worst = foldedResult.score < result.score ? foldedResult : result;
  if (worst.score >= PASSWORD_MIN_SCORE) return { ok: true, score: worst.score };
  const hint = worst.feedback.warning ?? worst.feedback.suggestions[0] ?? DEFAULT_HINT;
  return { ok: false, score: worst.score, message: `${TOO_GUESSABLE}: ${hint}.` };
}
