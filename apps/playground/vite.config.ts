import { defineConfig } from 'vite'

export default defineConfig({
  // Relative asset paths, so the built page works from any folder or sub-path it is served from.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
