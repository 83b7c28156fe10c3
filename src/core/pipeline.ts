import { fileURLToPath } from 'node:url';
import { resolveAnnotations } from './annotations.js';
import type { ResolvedConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { Doc } from './document.js';
import type { StageContext, StageDefinition, StageFunction } from './stage.js';

/** The gazetteers and word lists shipped with tawsim. */
export const DATA_DIR = fileURLToPath(new URL('../../gazetteers/', import.meta.url));

interface BuiltStage {
  name: string;
  tagger: boolean;
  run: StageFunction;
}

/** Outcome of one document's trip through the stages. */
export interface ProcessResult {
  ok: boolean;
  /** Stage that threw, when `ok` is false. */
  failedStage?: string;
  error?: string;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/**
 * Checks what each stage requires against what the stages before it provide. Every
 * missing capability is reported in one error, before any document is read.
 */
export function checkRequirements(config: ResolvedConfig, registry: Readonly<Record<string, StageDefinition>>): void {
  const provided = new Set<string>();
  const problems: string[] = [];
  for (const stage of config.stages) {
    const definition = registry[stage.name]!;
    for (const need of definition.requires) {
      if (provided.has(need)) continue;
      const providers = Object.values(registry)
        .filter((d) => d.provides.includes(need))
        .map((d) => d.name);
      problems.push(
        `${stage.path}: stage "${stage.name}" requires "${need}", which no earlier stage provides` +
          (providers.length > 0 ? ` (put ${providers.map((p) => `"${p}"`).join(' or ')} before it)` : ''),
      );
    }
    for (const p of definition.provides) provided.add(p);
  }
  if (problems.length > 0) throw new ConfigError(`The pipeline in ${config.origin} cannot be built:`, problems);
}

/** A compiled pipeline: stage data loaded once, then `process` per document. */
export class Pipeline {
  readonly config: ResolvedConfig;
  readonly stageNames: string[];
  readonly normalise: (s: string) => string;
  private readonly stages: BuiltStage[];

  constructor(config: ResolvedConfig, registry: Readonly<Record<string, StageDefinition>>, dataDir = DATA_DIR) {
    checkRequirements(config, registry);
    this.config = config;
    const normaliseEntry = config.stages.find((s) => registry[s.name]?.createStringNormaliser !== undefined);
    this.normalise =
      normaliseEntry === undefined ? (s: string) => s : registry[normaliseEntry.name]!.createStringNormaliser!(normaliseEntry.options);
    const context: StageContext = { baseDir: config.baseDir, dataDir, normalise: this.normalise };
    this.stages = config.stages.map((stage) => {
      const definition = registry[stage.name]!;
      return { name: stage.name, tagger: definition.tagger === true, run: definition.create(stage.options, context) };
    });
    this.stageNames = this.stages.map((s) => s.name);
  }

  /**
   * Runs every stage on `doc`, then resolves overlapping annotations. A stage that throws
   * fails this document only; the error is recorded on it.
   */
  process(doc: Doc, timed = false): ProcessResult {
    const timings: Record<string, number> = {};
    for (const stage of this.stages) {
      if (stage.tagger && doc.skipTagging) continue;
      const t0 = timed ? performance.now() : 0;
      try {
        stage.run(doc);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        doc.message('error', 'stage-failed', `stage ${stage.name} failed: ${message}`, stage.name);
        return { ok: false, failedStage: stage.name, error: message, timings };
      }
      if (timed) timings[stage.name] = performance.now() - t0;
    }
    doc.annotations = resolveAnnotations(doc.annotations, { nested: this.config.nested, labels: this.config.labels });
    return { ok: true, timings };
  }
}
