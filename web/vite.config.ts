import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
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
