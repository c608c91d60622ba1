import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web app: root src/web, built into dist/web, which the server serves (with an SPA fallback). */
export default defineConfig({
  root: "src/web",
  base: "/",
  publicDir: "public",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Most of the build is Vite's CSS pass over Bootstrap Italia: a timing hint we cannot act on.
      checks: { bundlerTimings: false },
    },
  },
  server: {
    // During `vite dev`, the API runs separately (npm run dev) on port 3000.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
