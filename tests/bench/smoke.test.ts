import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The benchmark itself, on a small corpus: it must run end to end and report every group
// (its figures are not checked here: speed is measured by `npm run bench`, never by a test).
describe('npm run bench (smoke)', () => {
  it('reports stages, groups and the in-memory figure on every core', () => {
    const out = execFileSync(process.execPath, ['dist/bench/bench.js', '--size', '0.2', '--runs', '1', '--no-batch'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(out) as { corpus: { documents: number; annotations: number }; stages: Record<string, { mb_per_s: number }>; groups: Record<string, { mb_per_s: number }>; machine: { cores: number } };
    expect(report.corpus.documents).toBeGreaterThan(0);
    expect(report.corpus.annotations).toBeGreaterThan(0);
    expect(Object.keys(report.stages)).toContain('places');
    expect(Object.keys(report.groups)).toEqual(expect.arrayContaining(['all stages', 'all stages + JSON output']));
    if (report.machine.cores > 1) expect(Object.keys(report.groups)).toContain(`all stages + JSON output, ${report.machine.cores} threads`);
    for (const g of Object.values(report.groups)) expect(g.mb_per_s).toBeGreaterThan(0);
  }, 60_000);
});
