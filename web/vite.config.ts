import { defineConfig } from "vitest/config";

// The server serves the built files under /_vpclab/console (src/VpcLab.Server/WebConsole/ConsoleAssets.cs) and the
// page itself at /. `npm run dev` proxies the API to a `vpclab serve` on the default port.
export default defineConfig({
  base: "/_vpclab/console/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/_vpclab": "http://127.0.0.1:4566" } },
  test: { environment: "node", include: ["test/**/*.test.ts"] },
});
