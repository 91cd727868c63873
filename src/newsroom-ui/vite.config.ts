import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The newsroom browser app. Built separately from the server (tsconfig.build.json excludes
// this folder); the server serves dist/newsroom-ui/index.html for every /newsroom/* page.
// Vite requires a default export here; biome.json turns noDefaultExport off for this file.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/newsroom/",
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  build: {
    outDir: "../../dist/newsroom-ui",
    emptyOutDir: true,
    // The polyfill would be an inline script, which the newsroom's CSP (script-src 'self') blocks.
    modulePreload: { polyfill: false },
    target: "es2022",
    sourcemap: true,
  },
  server: {
    // `npx vite --config src/newsroom-ui/vite.config.ts` during development: the API comes
    // from a locally started server (npm start) on port 8080.
    proxy: { "/newsroom/api": "http://127.0.0.1:8080", "/media": "http://127.0.0.1:8080" },
  },
});
