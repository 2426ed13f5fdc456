// `pnpm build:server`: the API process as one JavaScript file, api/build/server/main.mjs, for
// production. The workspace's TypeScript (api, engine, schemas) is bundled; the API's npm
// dependencies stay external and load from api/node_modules. Run it with
// `node --enable-source-maps api/build/server/main.mjs`. Compared with `node --import tsx` it starts
// faster and keeps no compiler and no transpiled sources in memory (the intake benchmark measures
// the API's resident memory this way). The worker keeps running from sources: Temporal bundles the
// workflow code itself at start.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const api = JSON.parse(readFileSync(`${root}api/package.json`, 'utf8'));
const external = Object.keys({ ...api.dependencies, ...api.devDependencies })
  .filter((name) => !name.startsWith('@civicdesk/'))
  .flatMap((name) => [name, `${name}/*`]);

export const serverEntry = `${root}api/build/server/main.mjs`;

const result = await build({
  entryPoints: { main: `${root}api/src/main.ts` },
  // Two levels below api/, as src/<module>/ is: paths such as `../../prisma/migrations` still resolve.
  outdir: `${root}api/build/server`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  // CommonJS code inside the bundle calls require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `built ${serverEntry.slice(root.length)} (${(bytes / 1024 / 1024).toFixed(1)} MB with its source map)`,
);
