import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation (COOP/COEP) lets the wasm backend use SharedArrayBuffer where it helps.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The production build's Content-Security-Policy: only the lab's own files run. tfjs-wasm compiles WebAssembly
 * ('wasm-unsafe-eval'); the threaded wasm backend starts its helper workers from blob: URLs (and they load its
 * code from one: script-src blob:); exports and point
 * images are blob: and data: URLs. No inline script or style, no eval. It goes in the page as a meta tag (for
 * hosts that cannot set headers) and in `vite preview`'s headers, which also cover the workers' scripts.
 * The dev server runs without it: React's fast refresh injects inline scripts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  server: { headers: isolationHeaders },
  preview: { headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy }, port: 4173, strictPort: true },
  worker: { format: 'es', rolldownOptions: { output: { minify: { mangle: false, compress: false } } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
