/** `tawsim review <dir>`: the review page for a run folder (see src/review/). */
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { isLoopback, startReviewServer } from '../review/server.js';
import { ReviewStore } from '../review/store.js';
import { LABEL_PATTERN } from '../review/shared/protocol.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 (any free port) to 65535');
  return n;
}

function parseLabels(value: string): string[] {
  const labels = value.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const bad = labels.filter((l) => !LABEL_PATTERN.test(l));
  if (labels.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected upper-case labels separated by commas${bad.length > 0 ? ` (not: ${bad.join(', ')})` : ''}`);
  return labels;
}

/** Who decisions are recorded as when `--user` is not given. */
function defaultUser(): string {
  const fromEnv = process.env.USER ?? process.env.USERNAME;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Registers `review` on the program. */
export function registerReviewCommand(program: Command): void {
  program
    .command('review')
    .description('a local web page to review the standoff files of <dir>: accept, reject, relabel, resize and add annotations, saved at once')
    .argument('<dir>', 'a run folder (the --out of tawsim run)')
    .option('--corpus <dir>', 'folder of <id>.txt texts, when the run did not store the text and its sources moved')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 8080)
    .option('--host <host>', 'interface to bind; anything but loopback lets others on the network read and change the files', '127.0.0.1')
    .option('--user <name>', 'who the decisions are recorded as (default: $USER)')
    .option('--labels <list>', 'labels offered for relabelling, in key order (default: the labels of SPEC.md, then any others in the run)', parseLabels)
    .action(async (dir: string, opts: { corpus?: string; port: number; host: string; user?: string; labels?: string[] }) => {
      if (!isDirectory(dir)) throw new ConfigError(`Cannot review ${dir}: no such folder (give the --out folder of a run).`);
      if (opts.corpus !== undefined && !isDirectory(opts.corpus)) throw new ConfigError(`--corpus ${opts.corpus}: no such folder.`);
      const store = new ReviewStore({
        dir,
        ...(opts.corpus !== undefined ? { corpus: opts.corpus } : {}),
        user: opts.user ?? defaultUser(),
        ...(opts.labels !== undefined ? { labels: opts.labels } : {}),
      });
      const documents = (await store.list()).documents.length;
      let server;
      try {
        server = await startReviewServer({ store, host: opts.host, port: opts.port });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new ConfigError(`Port ${opts.port} is in use; pick another with --port (0 picks a free one).`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError(`--host ${opts.host}: not an address of this machine.`);
        throw error;
      }
      if (!isLoopback(opts.host)) process.stderr.write(`tawsim: warning: listening on ${opts.host}: anyone who can reach it can read and change these files\n`);
      process.stderr.write(`tawsim review: ${documents} document(s) in ${store.dir}, decisions recorded as "${store.user}"\n`);
      process.stdout.write(`${server.url}\n`);
      await new Promise<void>((resolveStop) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolveStop);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
