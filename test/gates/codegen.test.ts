import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const root = join(__dirname, '../..');

describe('generated SDK', () => {
  it('is what codegen.yml produces from schema.graphql and sdk/operations (run `npm run codegen`)', () => {
    const config = parse(readFileSync(join(root, 'codegen.yml'), 'utf8'));
    const outDir = mkdtempSync(join(tmpdir(), 'msp-codegen-'));
    try {
      const targets = Object.keys(config.generates);
      config.generates = Object.fromEntries(targets.map((target, i) => [join(outDir, `${i}.ts`), config.generates[target]]));
      const configFile = join(outDir, 'codegen.yml');
      writeFileSync(configFile, stringify(config));
      execFileSync(process.execPath, [join(root, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', configFile, '--silent'], {
        cwd: root,
      });
      targets.forEach((target, i) => {
        expect(readFileSync(join(outDir, `${i}.ts`), 'utf8')).toBe(readFileSync(join(root, target), 'utf8'));
      });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
