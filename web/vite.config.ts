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
    rollupOptions: { input: { main: "index.html", portal: "src/portal/portal.ts" } },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/metrics": { target: api, changeOrigin: false },
    },
  },
});
