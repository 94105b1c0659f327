import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { pwaOptions } from "./pwa.config";
import { firstVisitForm } from "./src/features/capture/first-visit-form";

const api = "http://127.0.0.1:3000";

/** A path segment separator, / or \ (module ids on Windows). */
const SEP = String.raw`[\\/]`;
const paths = (...patterns: string[]) => new RegExp(patterns.map((p) => p.replaceAll("/", SEP)).join("|"));

/**
 * What every console page runs first: React, the router, queries, i18next, Mantine's core and the
 * components of the sign-in page, the fallback pages and the capture hub, the API client.
 */
const VENDOR = paths(
  String.raw`node_modules/(react|react-dom|scheduler|use-sync-external-store|i18next|react-i18next)/`,
  String.raw`node_modules/@tanstack/(react-router|router-core|history|store|react-store)/`,
  String.raw`node_modules/@tanstack/(query-core|react-query)/build/modern/(?!infinite|useInfinite|mutationObserver|useMutation|queriesObserver|useQueries|useSuspense)`,
  String.raw`node_modules/@mantine/core/esm/core/`,
  String.raw`node_modules/@mantine/core/esm/components/(Alert|Anchor|Badge|Burger|Button|Card|CloseButton|Container|Group|Loader|Notification|Paper|SimpleGrid|Stack|Text|Title|Transition|UnstyledButton|VisuallyHidden)/`,
  String.raw`node_modules/@mantine/hooks/esm/(?!use-collapse|use-debounced|use-long-press|use-focus-trap|use-focus-return|use-click-outside|use-mutation-observer)`,
  String.raw`web/src/(api/(client|session)|app/(i18n|query-client)|lib/use-session)\.tsx?$`,
);

/** The capture screens' frame, hub and outbox, with Dexie (not their forms). */
const CAPTURE_CORE = paths(
  String.raw`node_modules/dexie/`,
  String.raw`web/src/app/capture-shell\.tsx$`,
  String.raw`web/src/features/capture/(capture-hub-page|sync-status|use-capture|reference|outbox-badge)\.tsx?$`,
  String.raw`web/src/features/capture/outbox/[a-z-]+\.ts$`,
  String.raw`web/src/lib/(scope|pending-records)\.ts$`,
);

/**
 * Links added to index.html so a first visit starts, with the page itself, the downloads it would
 * otherwise start only once the entry has run: who is signed in (every console page asks), and
 * the capture screens' chunk and styles (the cadre's landing, /thu-thap). On a line with a 2 s
 * round trip each step saved is 2 s; the other pages download ~40 KB more once, which the
 * service worker precaches anyway.
 */
function firstVisitPreloads(): Plugin {
  return {
    name: "td-first-visit-preloads",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const tags: HtmlTagDescriptor[] = [
          {
            tag: "link",
            attrs: { rel: "preload", href: "/api/v1/auth/me", as: "fetch", crossorigin: "anonymous" },
            injectTo: "head",
          },
        ];
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === "chunk");
        const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith("index.html"));
        if (!entry) return tags;
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (roots: string[]) => {
          const seen = new Set<string>();
          const visit = (f: string) => {
            if (seen.has(f)) return;
            seen.add(f);
            for (const i of byFile.get(f)?.imports ?? []) visit(i);
          };
          roots.forEach(visit);
          return seen;
        };
        const loaded = closure([entry.fileName]);
        const capture = chunks
          .filter((c) =>
            /[\\/]src[\\/](app[\\/]capture-shell|features[\\/]capture[\\/]capture-hub-page)\.tsx$/.test(
              c.facadeModuleId ?? "",
            ),
          )
          .map((c) => c.fileName);
        for (const file of closure(capture)) {
          if (loaded.has(file)) continue;
          tags.push({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: "", href: `/${file}` },
            injectTo: "head",
          });
          for (const css of byFile.get(file)?.viteMetadata?.importedCss ?? []) {
            tags.push({
              tag: "link",
              attrs: { rel: "preload", as: "style", crossorigin: "", href: `/${css}` },
              injectTo: "head",
            });
          }
        }
        return tags;
      },
    },
  };
}

/**
 * dist/capture-first.json: what the server needs to send a first visit of /thu-thap the capture hub
 * and the activity form as plain HTML, usable before the scripts arrive (issue 18: ≤ 5 s on
 * Slow 3G). `html` is the built index.html with a slot in #root and its stylesheets held back
 * (media="print": downloaded without blocking the first paint; main.tsx applies them before React
 * renders); `form` the fields, choices and labels of the React form (first-visit-form.ts). Not in
 * the service worker's precache: later opens get the app itself.
 */
function firstVisitCapturePage(): Plugin {
  return {
    name: "td-first-visit-capture",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const index = bundle["index.html"];
      if (!index || index.type !== "asset") throw new Error("index.html is missing from the build");
      const html = String(index.source)
        .replace(
          /<link rel="stylesheet"([^>]*)>/g,
          '<link rel="stylesheet"$1 media="print" data-td-deferred>',
        )
        .replace('<div id="root"></div>', '<div id="root"><!--td:first-visit--></div>');
      if (!html.includes("<!--td:first-visit-->")) throw new Error("index.html has no empty #root");
      this.emitFile({
        type: "asset",
        fileName: "capture-first.json",
        source: JSON.stringify({ html, form: firstVisitForm() }),
      });
    },
  };
}

/**
 * Brotli and gzip copies of the built scripts and styles, written once at build time and sent by
 * the server to a browser that accepts them (@fastify/static `preCompressed`): a phone on a slow
 * line downloads ~⅓ of the bytes, with no compression work per request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "td-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      handler() {
        const walk = (dir: string): string[] =>
          readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
          );
        for (const file of walk(outDir)) {
          if (!/\.(js|css|html|webmanifest|json|svg)$/.test(file) || file.includes(".vite")) continue;
          const bytes = readFileSync(file);
          if (bytes.length < 1024) continue;
          writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions), firstVisitPreloads(), firstVisitCapturePage(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Every browser the console supports preloads modules itself.
    modulePreload: { polyfill: false },
    // The public portal's pages are server-rendered; their one small script is a separate entry
    // (no React), found by the server through the manifest.
    manifest: true,
    rolldownOptions: {
      input: { main: "index.html", portal: "src/portal/portal.ts" },
      // The shared contracts are plain declarations (Zod schemas, constants): a page that uses one
      // helper (a date) must not pull every schema with it.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]contracts[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        // The chart library (ECharts and its renderer ZRender) is imported only by the chart
        // component, which the dashboard loads lazily; two chunks of their own keep each under
        // the size warning and out of every other page.
        codeSplitting: {
          groups: [
            // What every console page runs first (React, the router, queries, Mantine's core,
            // i18next, the API client): one chunk instead of a dozen, each a round trip on a slow
            // line.
            { name: "vendor", test: VENDOR, priority: 2 },
            // The capture screens' frame, hub and outbox (with Dexie): one chunk, preloaded from
            // index.html so a phone opening /thu-thap fetches it alongside the entry.
            { name: "capture", test: CAPTURE_CORE, priority: 1, includeDependenciesRecursively: false },
            { name: "zrender", test: /node_modules[\\/]zrender[\\/]/ },
            { name: "echarts", test: /node_modules[\\/]echarts[\\/]/ },
            // The password-strength dictionaries, loaded only by a password change; named so the
            // service worker leaves them out of its precache (pwa.config.ts).
            { name: "zxcvbn", test: /node_modules[\\/]@zxcvbn-ts[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/metrics": { target: api, changeOrigin: false },
    },
  },
});
