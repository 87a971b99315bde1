#!/usr/bin/env node
// `npm run build`: the service and the operator scripts (migrate, backup, restore, vault-rotate, seed)
// compiled by tsc into dist/, with the explorer's static files beside them. `npm run start:prod` runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
// a fresh tree: a file deleted from the sources must not linger in the build
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync(join(root, 'src/explorer/public'), join(dist, 'src/explorer/public'), { recursive: true });
console.log(`built ${dist}`);
