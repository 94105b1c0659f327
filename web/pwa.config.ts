import type { VitePWAOptions } from "vite-plugin-pwa";

/**
 * The console as an installable app (Workbox through vite-plugin-pwa). The service worker
 * precaches the console's shell and pages so a cadre who opened it once can capture records with no
 * network; the public portal's server-rendered pages stay the server's (never answered from the
 * worker), and an update waits for the user's "Cập nhật" instead of reloading mid-form.
 */

/** Console paths answered with the cached index.html when offline (client-side routes). */
const CONSOLE_ROUTES = [
  "thu-thap",
  "dang-nhap",
  "hoat-dong",
  "ho-gia-dinh",
  "to-mo-hinh",
  "don-vi",
  "bang-dieu-khien",
  "bao-cao",
  "ke-hoach",
  "chung-nhan",
  "ho-so",
  "dia-ban-trong-diem",
  "ban-chi-dao",
  "xay-dung-diem",
  "giam-sat",
  "khen-thuong",
  "tin-bao",
  "tiep-nhan-tin-bao",
  "xa-vung-sau-vung-xa",
  "kien-nghi",
  "dang-tin",
  "tai-khoan",
  "nhat-ky",
  "ngay-nghi-le",
];

/** The server's own pages: the API, the public portal, documents, metrics. */
const SERVER_PAGES = [
  /^\/$/,
  /^\/api(\/|$)/,
  /^\/metrics(\/|$)/,
  /^\/(to-giac|phan-anh|tra-cuu|thong-ke|nguoi-tot-viec-tot|verify|tin-tuc)(\/|$)/,
];

export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: "prompt",
  injectRegister: false,
  strategies: "generateSW",
  filename: "sw.js",
  scope: "/",
  includeAssets: ["icons/apple-touch-icon.png"],
  manifest: {
    id: "/thu-thap",
    name: "Toàn Dân",
    short_name: "Toàn Dân",
    description: "Ghi nhận hoạt động phong trào Toàn dân bảo vệ an ninh Tổ quốc, kể cả khi không có mạng",
    lang: "vi",
    dir: "ltr",
    start_url: "/thu-thap",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#b3261e",
    background_color: "#ffffff",
    categories: ["government", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    // The shell and every console page; the chart library (dashboard only), the password-strength
    // dictionaries (a password change needs the network anyway) and the portal's script are left
    // to the runtime cache below, so a first visit on a slow line downloads what capture needs.
    globPatterns: ["**/*.{js,css,html,png,webmanifest}"],
    globIgnores: [
      "**/echarts-*.js",
      "**/zrender-*.js",
      "**/password-estimator-*.js",
      "**/zxcvbn-*.js",
      "**/portal-*.js",
      "**/.vite/**",
    ],
    maximumFileSizeToCacheInBytes: 600 * 1024,
    navigateFallback: "/index.html",
    navigateFallbackAllowlist: CONSOLE_ROUTES.map((r) => new RegExp(`^/${r}(/|$)`)),
    navigateFallbackDenylist: SERVER_PAGES,
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/assets/"),
        handler: "CacheFirst",
        options: { cacheName: "td-assets", expiration: { maxEntries: 60 } },
      },
    ],
  },
};
