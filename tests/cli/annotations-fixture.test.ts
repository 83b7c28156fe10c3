import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tawsim, tempDir } from './cli-helpers.js';

// annotations/ holds the sample's output as committed: the README's first command
// reproduces it, and any change of output shows up here and in the diff of the file.
// After checking that a change is wanted: npx tawsim run corpus/ --out annotations/
describe('annotations/ fixture', () => {
  it('a fresh run over corpus/ writes exactly the committed standoff files', async () => {
    const out = tempDir('tawsim-fixture-');
    const r = await tawsim(['run', 'corpus/', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    const committed = readdirSync('annotations').filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort();
    const fresh = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort();
    expect(committed.length).toBeGreaterThan(0);
    expect(fresh).toEqual(committed);
    for (const f of committed) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join('annotations', f), 'utf8'));
  });
});
