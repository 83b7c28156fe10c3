/**
 * Errors that stop a run before any document is processed. Each maps to an exit status
 * of SPEC.md; a problem inside one document is never thrown past the runner (it becomes
 * a message on that document).
 */
export class TawsimError extends Error {
  /** Process exit status for this error. */
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad command-line usage or configuration: exit 1. Lists every problem at once. */
export class ConfigError extends TawsimError {
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(problems.length === 0 ? message : `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`, 1);
    this.problems = problems;
  }
}

/** A data file (gazetteer, word list) that cannot be loaded: exit 1, names `file:line`. */
export class DataError extends TawsimError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** An input that cannot be read at all: exit 2. */
export class InputError extends TawsimError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A broken offset invariant: always a bug in tawsim. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}
