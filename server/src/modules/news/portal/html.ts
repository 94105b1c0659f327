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

/** "Khẩn cấp, đang xảy ra: gọi ngay 113." with 113 a tap-to-call link. */
export function emergency(lang: Lang): string {
  return `${esc(T[lang].emergency)} <a class="tel" href="tel:113">113</a>.`;
}

// Inline, small, system fonts only: nothing blocks the first paint.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1b1a;background:#fbf8f6}
a{color:#8c1d18}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}.skip:focus{left:8px;z-index:9}
header{background:#8c1d18;color:#fff}header .w{padding-top:10px;padding-bottom:10px}header a{color:#fff}
.top{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none}.brand small{display:block;font-weight:400;font-size:.8rem}
.aux{display:flex;gap:14px;font-size:.9rem}
nav ul{display:flex;flex-wrap:wrap;gap:2px 6px;list-style:none;margin:8px 0 0;padding:0}
nav a{display:inline-block;padding:6px 8px;border-radius:6px;text-decoration:none;font-size:.95rem}nav a:hover{text-decoration:underline}
nav a[aria-current=page]{background:#fff;color:#8c1d18;font-weight:600}
.w{max-width:1040px;margin:0 auto;padding:0 16px}main{padding:8px 0 32px}
.hero{background:#fdecea;padding:28px 0}.hero h1{font-size:1.9rem;line-height:1.25;margin:0 0 12px;color:#6d1410}.hero p{font-size:1.1rem;margin:0 0 16px;max-width:46em}
h1{line-height:1.25}
.cta{display:flex;flex-wrap:wrap;gap:10px}.btn{display:inline-block;background:#8c1d18;color:#fff;border:0;border-radius:6px;padding:12px 18px;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn.alt{background:#fff;color:#8c1d18;border:2px solid #8c1d18}.btn[disabled]{opacity:.6}
.sos{font-weight:700;color:#6d1410;margin-top:14px}.tel{font-weight:700;white-space:nowrap}
h2{font-size:1.35rem;margin:28px 0 12px}.cards{display:grid;gap:14px;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));list-style:none;margin:0;padding:0}
.card{background:#fff;border:1px solid #e4d9d6;border-radius:8px;padding:14px}.card h3,.card h2{font-size:1.05rem;margin:0 0 6px}.meta{color:#5b524f;font-size:.88rem}
.warn{border-left:5px solid #b45309}.card img{width:96px;height:64px;object-fit:cover;float:right;margin:0 0 6px 8px;border-radius:4px}
.ok{border-left:6px solid #2b7a3e}.bad{border-left:6px solid #a4161a}
form{background:#fff;border:1px solid #e4d9d6;border-radius:8px;padding:16px;max-width:720px}
label{display:block;font-weight:600;margin:12px 0 4px}input,select,textarea{width:100%;font:inherit;padding:9px;border:1px solid #8a7f7c;border-radius:6px;background:#fff}
[aria-invalid=true]{border:2px solid #a4161a}.ferr{color:#a4161a;font-weight:600;margin:4px 0 0}
textarea{min-height:140px}.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}.check input{width:auto;margin-top:5px}
.hint{font-size:.9rem;color:#5b524f;margin:2px 0 0}.err{color:#a4161a;font-weight:600}.box{background:#fff7d6;border:2px solid #b45309;border-radius:8px;padding:16px;max-width:720px}
.codes{font:600 1.3rem/1.6 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.04em}.codes .g{display:inline-block;white-space:nowrap}
dd{margin:0 0 8px}dt{font-weight:600}
.scroll{overflow-x:auto}.scroll:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e4d9d6;padding:6px 8px;text-align:left}td.n,th.n{text-align:right}
.msg{border:1px solid #e4d9d6;border-radius:6px;padding:8px 10px;margin:8px 0;background:#fff}.msg.police{border-left:4px solid #8c1d18}
.tiles{display:grid;gap:10px;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));margin:0;padding:0}.tiles div{background:#fff;border:1px solid #e4d9d6;border-radius:8px;padding:10px}
.tiles dt{font-weight:400;font-size:.88rem;color:#5b524f}.tiles dd{font-size:1.4rem;font-weight:700;margin:0}
.bars{list-style:none;margin:0;padding:0;max-width:720px}.bars li{display:grid;grid-template-columns:minmax(7em,11em) 1fr 4.5em;gap:8px;align-items:center;margin:4px 0;font-size:.95rem}
.bars .bar{display:block;height:14px;background:#8c1d18;border-radius:3px;min-width:2px}.bars .v{text-align:right;font-variant-numeric:tabular-nums}
.map{margin:8px 0 16px;max-width:600px}.map svg{display:block;width:100%;height:auto}.map path:hover{stroke:#1d1b1a;stroke-width:1.5}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:4px 0;padding:0;font-size:.9rem}.legend .sw{display:inline-block;width:18px;height:12px;border:1px solid #6b6360;margin-right:6px;vertical-align:-1px}
.attr{font-size:.8rem;color:#5b524f;margin:4px 0 0}
details{margin:16px 0}summary{cursor:pointer;font-weight:600;color:#8c1d18;padding:8px 0}
footer{border-top:1px solid #e4d9d6;padding:16px 0;font-size:.9rem;color:#4a4240}footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:0}[hidden]{display:none!important}
@media print{header,footer,nav,.skip,.no-print,form{display:none!important}body{background:#fff}.box{border:1px solid #000;max-width:none}.codes{font-size:14pt}}
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

/** The one public layout: header with navigation and language switch, main, footer. */
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
      ["/nguoi-tot-viec-tot", s.nav.exemplars],
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
  const switchTo = other === "en" ? `${o.path}${o.path.includes("?") ? "&" : "?"}lang=en` : o.path;
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · ${esc(s.appName)}</title><meta name="description" content="${esc(s.tagline)}">
<meta name="theme-color" content="#8c1d18"><link rel="icon" href="data:,"><style>${CSS}</style>${script}</head>
<body><a class="skip" href="#main">${esc(s.skip)}</a>
<header><div class="w"><div class="top"><a class="brand" href="${esc(href("/", o.lang))}">${esc(s.appName)}<small>${esc(s.tagline)}</small></a>
<div class="aux"><a href="${esc(switchTo || "/")}" lang="${other}">${esc(s.otherLang)}</a><a href="/dang-nhap">${esc(s.nav.signIn)}</a></div></div>
<nav aria-label="${o.lang === "vi" ? "Điều hướng chính" : "Main navigation"}"><ul>${nav}</ul></nav></div></header>
<main id="main" tabindex="-1">${o.body}</main>
<footer><div class="w"><p>${esc(s.privacy)}</p><p>${emergency(o.lang)}</p>
<ul><li><a href="${esc(href("/verify", o.lang))}">${esc(s.nav.verify)}</a></li></ul></div></footer>${data}
</body></html>`;
}
