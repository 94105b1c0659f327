import { T, type Lang } from "./i18n";

/** Escapes text for HTML content and attribute values. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A portal link keeping the language. */
export function href(path: string, lang: Lang): string {
  return lang === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path;
}

/** dd/mm/yyyy from an ISO date. */
export function dmy(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

// Inline, small, system fonts only: nothing blocks the first paint.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1b1a;background:#fbf8f6}
a{color:#8c1d18}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}.skip:focus{left:8px;z-index:9}
header{background:#8c1d18;color:#fff}header .w{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:space-between;padding:10px 16px}
header a{color:#fff}.brand{font-weight:700;font-size:1.15rem;text-decoration:none}.brand small{display:block;font-weight:400;font-size:.8rem}
nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0;padding:0}
.w{max-width:1040px;margin:0 auto;padding:0 16px}main{padding:8px 0 32px}
.hero{background:#fdecea;padding:28px 0}.hero h1{font-size:1.9rem;line-height:1.25;margin:0 0 12px;color:#6d1410}.hero p{font-size:1.1rem;margin:0 0 16px;max-width:46em}
.cta{display:flex;flex-wrap:wrap;gap:10px}.btn{display:inline-block;background:#8c1d18;color:#fff;border:0;border-radius:6px;padding:12px 18px;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn.alt{background:#fff;color:#8c1d18;border:2px solid #8c1d18}.btn[disabled]{opacity:.6}
.sos{font-weight:700;color:#6d1410;margin-top:14px}
h2{font-size:1.35rem;margin:28px 0 12px}.cards{display:grid;gap:14px;grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}
.card{background:#fff;border:1px solid #e4d9d6;border-radius:8px;padding:14px}.card h3{font-size:1.05rem;margin:0 0 6px}.meta{color:#5b524f;font-size:.88rem}
.warn{border-left:5px solid #b45309}.card img{width:96px;height:64px;object-fit:cover;float:right;margin:0 0 6px 8px;border-radius:4px}
form{background:#fff;border:1px solid #e4d9d6;border-radius:8px;padding:16px;max-width:720px}
label{display:block;font-weight:600;margin:12px 0 4px}input,select,textarea{width:100%;font:inherit;padding:9px;border:1px solid #8a7f7c;border-radius:6px;background:#fff}
textarea{min-height:140px}.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}.check input{width:auto;margin-top:5px}
.hint{font-size:.9rem;color:#5b524f}.err{color:#a4161a;font-weight:600}.box{background:#fff7d6;border:2px solid #b45309;border-radius:8px;padding:16px;max-width:720px}
.codes{font:600 1.3rem/1.6 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.04em;word-break:break-all}
.scroll{overflow-x:auto}.scroll:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e4d9d6;padding:6px 8px;text-align:left}td.n,th.n{text-align:right}
.msg{border:1px solid #e4d9d6;border-radius:6px;padding:8px 10px;margin:8px 0;background:#fff}.msg.police{border-left:4px solid #8c1d18}
footer{border-top:1px solid #e4d9d6;padding:16px 0;font-size:.9rem;color:#4a4240}[hidden]{display:none!important}
`;

export type PageOpts = {
  lang: Lang;
  title: string;
  path: string;
  body: string;
  /** The portal script (built by Vite as its own small entry), when the page needs one. */
  script?: string | null | undefined;
  data?: Record<string, unknown>;
};

/** The full page: header with navigation and language switch, main, footer. */
export function page(o: PageOpts): string {
  const s = T[o.lang];
  const other: Lang = o.lang === "vi" ? "en" : "vi";
  const nav = (
    [
      ["/", s.nav.home],
      ["/to-giac", s.nav.tip],
      ["/phan-anh", s.nav.feedback],
      ["/tra-cuu", s.nav.lookup],
      ["/thong-ke", s.nav.stats],
    ] as const
  )
    .map(
      ([p, label]) =>
        `<li><a href="${esc(href(p, o.lang))}"${p === o.path ? ' aria-current="page"' : ""}>${esc(label)}</a></li>`,
    )
    .join("");
  const data = o.data
    ? `<script type="application/json" id="td-data">${JSON.stringify(o.data).replaceAll("<", "\\u003c")}</script>`
    : "";
  const script = o.script ? `<script type="module" src="${esc(o.script)}"></script>` : "";
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · ${esc(s.appName)}</title><meta name="description" content="${esc(s.tagline)}">
<meta name="theme-color" content="#8c1d18"><link rel="icon" href="data:,"><style>${CSS}</style>${script}</head>
<body><a class="skip" href="#main">${esc(s.skip)}</a>
<header><div class="w"><a class="brand" href="${esc(href("/", o.lang))}">${esc(s.appName)}<small>${esc(s.tagline)}</small></a>
<nav aria-label="${o.lang === "vi" ? "Điều hướng chính" : "Main navigation"}"><ul>${nav}
<li><a href="${esc(other === "en" ? `${o.path}?lang=en` : o.path)}" lang="${other}">${esc(s.otherLang)}</a></li>
<li><a href="/dang-nhap">${esc(s.nav.signIn)}</a></li></ul></nav></div></header>
<main id="main" tabindex="-1">${o.body}</main>
<footer><div class="w"><p>${esc(s.privacy)}</p><p>${esc(s.emergency)}</p></div></footer>${data}
</body></html>`;
}
