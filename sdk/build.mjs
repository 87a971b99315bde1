// `npm run build`: dist/esm (ES modules) and dist/cjs (CommonJS), each with its .d.ts files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist`;

rmSync(dist, { recursive: true, force: true });
for (const project of ['tsconfig.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], { cwd: here, stdio: 'inherit' });
}

// tsc rewrites `./x.ts` to `./x.js` in JavaScript but not in .d.ts files (microsoft/TypeScript#61037)
const relativeTs = /(["'])(\.\.?\/[^"']+)\.ts\1/g;
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'))) {
  const path = `${dist}/${file}`;
  writeFileSync(path, readFileSync(path, 'utf8').replace(relativeTs, '$1$2.js$1'));
}

// the package is "type": "module"; this tells Node (and TypeScript) that the files under dist/cjs are CommonJS
writeFileSync(`${dist}/cjs/package.json`, '{ "type": "commonjs" }\n');
