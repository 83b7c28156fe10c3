/** The command line of SPEC.md; `cli.ts` is the bin that calls `main`. */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig, RUN_FORMATS, type ResolvedConfig } from './core/config.js';
import { ConfigError, TawsimError } from './core/errors.js';
import { Pipeline } from './core/pipeline.js';
import { DEFAULT_CONFIG } from './default-config.js';
import { registerReviewCommand } from './commands/review.js';
import { registerExportCommand } from './commands/export.js';
import { registerEvalCommand } from './commands/eval.js';
import { processJob } from './runner/process-document.js';
import { runBatch } from './runner/run.js';
import { STAGES } from './stages/index.js';
import { VERSION } from './version.js';

let debug = false;

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError('expected a whole number from 0 (one per core) to 256');
  return n;
}

function parseFormats(value: string): string[] {
  const formats = value.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const unknown = formats.filter((f) => !(RUN_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${RUN_FORMATS.join(', ')}`);
  return formats;
}

function config(path: string | undefined): ResolvedConfig {
  return loadConfig(STAGES, DEFAULT_CONFIG, path);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('tawsim')
    .description('Arabic annotation pipeline: normalise, tokenise, split sentences and tag numbers, money, places and organisations as standoff annotations.')
    .version(VERSION)
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('run')
    .description('batch run: one standoff file per document in --out, and a manifest')
    .argument('<input...>', '.txt files, folders (all .txt below), .jsonl files ({"id","text"} a line), or - for JSONL on stdin')
    .requiredOption('--out <dir>', 'output folder, or - to stream JSONL (text included) on stdout with the manifest on stderr')
    .option('--config <file>', 'pipeline config (default ./pipeline.config.json, else built-in defaults)')
    .option('--concurrency <n>', 'worker threads; 0 = automatic, one per core but one (default: config run.concurrency)', parseConcurrency)
    .option('--format <list>', `per-document outputs, comma-separated: ${RUN_FORMATS.join(', ')}`, parseFormats)
    .option('--check', 'check every offset invariant on every document (slower)')
    .option('--quiet', 'no progress bar')
    .action(async (inputs: string[], opts: { out: string; config?: string; concurrency?: number; format?: string[]; check?: boolean; quiet?: boolean }) => {
      const resolved = config(opts.config);
      if (opts.format !== undefined) resolved.output.formats = opts.format as ResolvedConfig['output']['formats'];
      const outcome = await runBatch({
        inputs,
        out: opts.out,
        config: resolved,
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        check: opts.check === true,
        progress: opts.quiet !== true,
      });
      const t = outcome.totals;
      if (opts.out !== '-') {
        process.stderr.write(
          `tawsim: ${t.ok} of ${t.documents} document(s) written to ${opts.out}` +
            (t.failed > 0 ? `, ${t.failed} failed` : '') +
            (t.skipped > 0 ? `, ${t.skipped} skipped` : '') +
            ` (${(t.bytes / 1e6).toFixed(2)} MB in ${outcome.seconds.toFixed(2)} s); manifest: ${outcome.manifestPath}\n`,
        );
      }
      process.exitCode = outcome.exitCode;
    });

  program
    .command('annotate')
    .description('annotate one text from stdin (or --text) and print its standoff document, text included')
    .option('--text <text>', 'the text to annotate (instead of stdin)')
    .option('--id <id>', 'document id', 'stdin')
    .option('--config <file>', 'pipeline config (default ./pipeline.config.json, else built-in defaults)')
    .option('--compact', 'one line of JSON instead of the readable layout')
    .option('--check', 'check every offset invariant')
    .action(async (opts: { text?: string; id: string; config?: string; compact?: boolean; check?: boolean }) => {
      const resolved = config(opts.config);
      if (opts.text === undefined && process.stdin.isTTY === true) throw new ConfigError('Give the text with --text "..." or pipe it on stdin.');
      let text = opts.text ?? (await readStdin());
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const pipeline = new Pipeline(resolved, STAGES);
      const result = processJob(
        pipeline,
        { seq: 0, id: opts.id, source: opts.text === undefined ? 'stdin' : '--text', text, encoding: 'utf-8', warnings: [], bytes: Buffer.byteLength(text) },
        { check: opts.check === true || resolved.run.check, includeText: true, pretty: opts.compact !== true },
      );
      if (result.json === undefined) throw new TawsimError(`Cannot annotate the text: ${result.summary.reason ?? 'unknown error'}.`, 3);
      process.stdout.write(opts.compact === true ? `${result.json}\n` : result.json);
    });

  // Further commands register themselves here, one line each (src/commands/<name>.ts).
  registerReviewCommand(program);
  registerExportCommand(program);
  registerEvalCommand(program);

  program
    .command('stages')
    .description('list the registered pipeline stages with what they require and provide')
    .action(() => {
      for (const s of Object.values(STAGES)) {
        process.stdout.write(`${s.name.padEnd(14)} requires: ${s.requires.join(', ') || '-'}; provides: ${s.provides.join(', ')}\n  ${s.summary}\n`);
      }
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 1;
    }
    if (error instanceof TawsimError) {
      process.stderr.write(`tawsim: ${error.message}\n`);
      if (debug && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    process.stderr.write(`tawsim: internal error: ${e.message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && e.stack !== undefined) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
