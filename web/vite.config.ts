import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const localLanding = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [solid()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  // `npm run dev:web` with `npm start` running: hot reload against the local API.
  server: {
    proxy: { '/api': localLanding, '/local': localLanding, '/config.json': localLanding },
  },
});
