import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import type { StageDefinition } from './stage.js';

/** Per-document output formats the runner can write next to the standoff JSON. */
export const RUN_FORMATS = ['json', 'brat', 'spacy', 'conll'] as const;

const stageEntry = z.union([
  z.string(),
  z.strictObject({
    stage: z.string(),
    /** A stage may be listed but switched off, keeping its options in place. */
    enabled: z.boolean().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

const LABEL = /^[A-Z][A-Z0-9_-]*$/;

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** The stages, in order. */
  stages: z.array(stageEntry).min(1),
  /** Write inner spans too (`601 مليون` CARDINAL inside `601 مليون دولار` MONEY). */
  nested: z.boolean().default(false),
  /** Label mapping applied when annotations are written, e.g. `{"GPE": "LOC"}`; `null`-like "" drops a label. */
  labels: z.record(z.string().regex(LABEL, 'an upper-case label'), z.string()).default({}),
  output: z
    .strictObject({
      /** Files written per document by `tawsim run`. */
      formats: z.array(z.enum(RUN_FORMATS)).min(1).default(['json']),
      /** Include the document text in each standoff file. */
      includeText: z.boolean().default(false),
      /** Indent standoff files (one annotation a line); false writes one compact line. */
      pretty: z.boolean().default(true),
    })
    .default({ formats: ['json'], includeText: false, pretty: true }),
  run: z
    .strictObject({
      /** Worker threads; 0 means automatic: one per core but one (in-process on two cores). */
      concurrency: z.number().int().min(0).max(256).default(0),
      /** Documents larger than this (bytes) are refused with a reason in the manifest. */
      maxDocumentBytes: z.number().int().positive().default(128 * 1024 * 1024),
      /** Decode Windows-1256 (and UTF-16 with a BOM) when a file is not UTF-8. */
      legacyEncodings: z.boolean().default(true),
      /** Check every offset invariant on every document (slower; for debugging). */
      check: z.boolean().default(false),
    })
    .default({ concurrency: 0, maxDocumentBytes: 128 * 1024 * 1024, legacyEncodings: true, check: false }),
});

export type ConfigInput = z.input<typeof configSchema>;

/** One stage of a resolved config: its options complete, defaults filled in. */
export interface ResolvedStage {
  name: string;
  options: Record<string, unknown>;
  /** JSON path of this entry, for error messages. */
  path: string;
}

export interface ResolvedConfig {
  stages: ResolvedStage[];
  nested: boolean;
  labels: Record<string, string>;
  output: { formats: (typeof RUN_FORMATS)[number][]; includeText: boolean; pretty: boolean };
  run: { concurrency: number; maxDocumentBytes: number; legacyEncodings: boolean; check: boolean };
  /** Folder that relative paths in options are resolved against. */
  baseDir: string;
  /** Where the config came from (a path, or `built-in defaults`). */
  origin: string;
  /** sha256 of the resolved config (stages, options, labels, nesting), for provenance. */
  sha256: string;
}

/** Formats a zod issue path as a JSON path: `stages[2].options.tehMarbuta`. */
export function jsonPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssues(base: string, issues: readonly z.core.$ZodIssue[]): string[] {
  const problems: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`${jsonPath(base, [...issue.path, key])}: unknown key`);
    } else if (issue.code === 'invalid_union') {
      problems.push(`${jsonPath(base, issue.path)}: expected a stage name or {"stage": ..., "options": {...}}`);
    } else {
      problems.push(`${jsonPath(base, issue.path)}: ${issue.message}`);
    }
  }
  return problems;
}

/**
 * Validates a config object against the stage registry: every problem (unknown key,
 * unknown stage, wrong option type) is collected, then reported in one error.
 */
export function resolveConfig(
  input: unknown,
  registry: Readonly<Record<string, StageDefinition>>,
  origin: string,
  baseDir: string,
): ResolvedConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(`Invalid configuration in ${origin}:`, describeIssues('', parsed.error.issues));
  const config = parsed.data;
  const problems: string[] = [];
  const stages: ResolvedStage[] = [];
  const seen = new Set<string>();
  config.stages.forEach((entry, index) => {
    const path = `stages[${index}]`;
    const name = typeof entry === 'string' ? entry : entry.stage;
    const rawOptions = typeof entry === 'string' ? {} : (entry.options ?? {});
    const definition = registry[name];
    if (definition === undefined) {
      problems.push(`${path}${typeof entry === 'string' ? '' : '.stage'}: unknown stage "${name}" (known: ${Object.keys(registry).join(', ')})`);
      return;
    }
    if (seen.has(name)) problems.push(`${path}: stage "${name}" is listed twice`);
    seen.add(name);
    const options = definition.options.safeParse(rawOptions);
    if (!options.success) {
      problems.push(...describeIssues(`${path}.options`, options.error.issues));
      return;
    }
    if (typeof entry !== 'string' && entry.enabled === false) return;
    stages.push({ name, options: options.data as Record<string, unknown>, path });
  });
  for (const [from, to] of Object.entries(config.labels)) {
    if (to !== '' && !LABEL.test(to)) problems.push(`labels.${from}: "${to}" is not an upper-case label (or "" to drop it)`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration in ${origin}:`, problems);
  const identity = { stages: stages.map(({ name, options }) => ({ name, options })), nested: config.nested, labels: config.labels };
  const sha256 = createHash('sha256').update(stableStringify(identity)).digest('hex');
  return { stages, nested: config.nested, labels: config.labels, output: config.output, run: config.run, baseDir, origin, sha256 };
}

/** JSON with sorted keys, so equal configs hash equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Loads the config: an explicit `--config` file, else `./pipeline.config.json` if it
 * exists, else the built-in defaults.
 */
export function loadConfig(
  registry: Readonly<Record<string, StageDefinition>>,
  defaults: ConfigInput,
  explicitPath?: string,
  cwd = process.cwd(),
): ResolvedConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : resolve(cwd, 'pipeline.config.json');
  if (explicitPath === undefined && !existsSync(path)) return resolveConfig(defaults, registry, 'built-in defaults', cwd);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the configuration file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The configuration file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return resolveConfig(json, registry, path, dirname(path));
}
