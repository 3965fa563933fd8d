import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vendor code is split into a few stable, cacheable chunks (each well under 500 kB); the admin and
// patient-form screens are lazy-loaded routes, so the first paint loads only what sign-in needs.
// Vite 8 bundles with Rolldown: `rolldownOptions.output.codeSplitting.groups` replaces manualChunks.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](?!charts[\\/]|dates[\\/])[a-z]+|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-transition-group|clsx|tslib|get-nonce|detect-node-es)[\\/]/,
              priority: 20,
            },
            // Charts and date pickers load only with the screens that use them (dashboard, scheduling).
            { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts|recharts|d3-[a-z-]+|victory-vendor)[\\/]/, priority: 10 },
            { name: 'dates', test: /node_modules[\\/](@mantine[\\/]dates|dayjs)[\\/]/, priority: 10 },
            { name: 'icons', test: /node_modules[\\/]@tabler[\\/]/, priority: 20 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
