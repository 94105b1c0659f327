import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { pwaOptions } from "./pwa.config";

const api = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), VitePWA(pwaOptions)],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // The public portal's pages are server-rendered; their one small script is a separate entry
    // (no React), found by the server through the manifest.
    manifest: true,
    rolldownOptions: {
      input: { main: "index.html", portal: "src/portal/portal.ts" },
      output: {
        // The chart library (ECharts and its renderer ZRender) is imported only by the chart
        // component, which the dashboard loads lazily; two chunks of their own keep each under
        // the size warning and out of every other page.
        codeSplitting: {
          groups: [
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
