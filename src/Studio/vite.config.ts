import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { NodePackageImporter } from "sass";

// The Host serves the built app (dist/) at /; in development, `npm run dev` proxies the API to a running Host.
export default defineConfig({
  plugins: [react()],
  // GOV.UK Frontend keeps an old-browser media hack that lightningcss cannot parse: recover rather than fail.
  css: { lightningcss: { errorRecovery: true }, preprocessorOptions: { scss: { importers: [new NodePackageImporter()], quietDeps: true, silenceDeprecations: ["import"] } } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    // RTM_API names another running Host, e.g. RTM_API=http://localhost:5081 npm run dev.
    proxy: { "/api": process.env.RTM_API ?? "http://localhost:5080", "/health": process.env.RTM_API ?? "http://localhost:5080" },
  },
});
