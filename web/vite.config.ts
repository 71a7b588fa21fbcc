/**
 * Builds the web page into web/dist, which the server serves. The `record-inputs` plugin
 * writes the source files the bundle was built from into dist/.inputs.json, so
 * scripts/ensure-web-build.mjs can tell whether the build is stale (the page also imports
 * shared types and criteria from server/, which live outside web/).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(webDir, '..');
const outDir = path.join(webDir, 'dist');

function recordInputs(): Plugin {
  return {
    name: 'record-inputs',
    apply: 'build',
    writeBundle() {
      const inputs = [...this.getModuleIds()]
        .map((id) => id.split('?')[0]!)
        .filter((id) => path.isAbsolute(id) && id.startsWith(repoDir) && !id.includes(`${path.sep}node_modules${path.sep}`))
        .map((id) => path.relative(repoDir, id).split(path.sep).join('/'))
        .sort();
      writeFileSync(path.join(outDir, '.inputs.json'), `${JSON.stringify([...new Set(inputs)], null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root: webDir,
  plugins: [react(), recordInputs()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
