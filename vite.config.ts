import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The web app is built into dist/web and served by the API server itself (src/http/web-app.ts),
// so there is one process and one origin: the session cookie and CSRF header need no CORS.
export default defineConfig({
  root: here('src/web'),
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: here('dist/web'),
    emptyOutDir: true,
    // Phones on conference Wi-Fi: no source maps to download, one CSS file.
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite` for working on the pages: the API runs separately on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
