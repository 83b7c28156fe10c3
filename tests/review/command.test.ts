/** `tawsim review` as a user starts it: the built bin, a free port, Ctrl+C to stop. */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentList } from '../../src/review/shared/protocol.js';
import { CLI, tawsim, tempDir } from '../cli/cli-helpers.js';
import { writeReviewFixture, type ReviewFixture } from './fixtures.js';

let root: string;
let fixture: ReviewFixture;

beforeAll(() => {
  root = tempDir('tawsim-review-cli-');
  fixture = writeReviewFixture(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tawsim review', () => {
  it('serves the folder on loopback, prints the address, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'review', fixture.run, '--corpus', fixture.corpus, '--port', '0', '--user', 'amal'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        const line = /^(http:\/\/\S+)\n/m.exec(out);
        if (line !== null) resolveUrl(line[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const list = (await (await fetch(`${url}api/documents`)).json()) as DocumentList;
    expect(list.user).toBe('amal');
    expect(list.documents).toHaveLength(3);
    expect(stderr).toMatch(/3 document\(s\) in .*decisions recorded as "amal"/);
    const code = await new Promise<number | null>((resolveExit) => {
      child.on('exit', (c) => resolveExit(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });

  it.each([
    [['review', 'no-such-folder'], /Cannot review no-such-folder: no such folder/],
    [['review', '.', '--port', '70000'], /expected a port number/],
    [['review', '.', '--labels', 'gpe,ORG'], /upper-case labels .*not: gpe/],
    [['review', '.', '--corpus', 'no-such-folder'], /--corpus no-such-folder: no such folder/],
  ])('%j is a usage error (exit 1)', async (args, message) => {
    const r = await tawsim(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
