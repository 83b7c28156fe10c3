/**
 * Saving decisions, one at a time and in order: each is posted with the revision the
 * previous one returned (If-Match), so a burst of keys never races itself, and a 409 from
 * another tab or a run stops the queue with a clear message instead of overwriting.
 * The queue keeps the server's copy of every record, which undo restores exactly.
 */
import type { AnnotationRecord, Decision, DecisionResult } from '../shared/protocol.js';
import { clone } from './annotations.js';
import { ApiFailure, postDecision } from './api.js';

export interface QueueHooks {
  saveState(text: string, kind: 'saving' | 'saved' | 'error'): void;
  conflict(message: string): void;
  /** The server's record of `id` changed (or it was removed) and no decision on it is left. */
  settled(id: string): void;
  /** Called after every job, with the number still waiting. */
  idle(waiting: number): void;
}

interface UndoEntry {
  id: string;
  /** The record as the server had it before the decision; null if it did not exist. */
  before: AnnotationRecord | null;
}

export class DecisionQueue {
  private revision: string;
  private tail: Promise<void> = Promise.resolve();
  private waitingCount = 0;
  private stale = false;
  private readonly records = new Map<string, AnnotationRecord>();
  private readonly pending = new Map<string, number>();
  private readonly undoStack: UndoEntry[] = [];

  constructor(
    private readonly docId: string,
    revision: string,
    records: readonly AnnotationRecord[],
    private readonly hooks: QueueHooks,
  ) {
    this.revision = revision;
    for (const r of records) this.records.set(r.id, clone(r));
  }

  /** Decisions sent or waiting to be sent. */
  get waiting(): number {
    return this.waitingCount;
  }

  /** True once the server said the page is out of date (409): nothing more is sent. */
  get conflicted(): boolean {
    return this.stale;
  }

  /** The server's copy of a record. */
  record(id: string): AnnotationRecord | undefined {
    const r = this.records.get(id);
    return r === undefined ? undefined : clone(r);
  }

  /** Decisions on `id` sent or waiting. */
  pendingOn(id: string): number {
    return this.pending.get(id) ?? 0;
  }

  private async post(decision: Decision): Promise<DecisionResult | null> {
    if (this.stale) return null;
    this.hooks.saveState('saving\u2026', 'saving');
    try {
      const result = await postDecision(this.docId, this.revision, decision);
      this.revision = result.revision;
      if (result.removed || result.annotation === undefined) this.records.delete(result.id);
      else this.records.set(result.id, clone(result.annotation));
      this.hooks.saveState('all changes saved', 'saved');
      return result;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        this.stale = true;
        this.hooks.conflict(error.message);
        this.hooks.saveState('not saved: conflict', 'error');
      } else this.hooks.saveState(`not saved: ${(error as Error).message}`, 'error');
      return null;
    }
  }

  private enqueue(job: () => Promise<void>): void {
    this.waitingCount++;
    this.tail = this.tail
      .then(job)
      .catch((error: unknown) => this.hooks.saveState(`not saved: ${(error as Error).message}`, 'error'))
      .finally(() => {
        this.waitingCount--;
        this.hooks.idle(this.waitingCount);
      });
  }

  /** Saves a decision on annotation `id` (undoable); `settled(id)` follows when its last one is answered. */
  decide(id: string, decision: Decision): void {
    this.pending.set(id, this.pendingOn(id) + 1);
    this.enqueue(async () => {
      const before = this.record(id) ?? null;
      const result = await this.post(decision);
      if (result !== null) this.undoStack.push({ id, before });
      const left = this.pendingOn(id) - 1;
      this.pending.set(id, left);
      if (left === 0 && !this.stale) this.hooks.settled(id);
    });
  }

  /** Saves a new span (undoable); `added` gets the id the server gave it. */
  add(decision: Extract<Decision, { op: 'add' }>, added: (id: string) => void): void {
    this.enqueue(async () => {
      const result = await this.post(decision);
      if (result === null) return;
      this.undoStack.push({ id: result.id, before: null });
      this.hooks.settled(result.id);
      added(result.id);
    });
  }

  /** Undoes the last saved decision, after every decision before it has been answered. */
  undo(undone: (id: string, what: string) => void): void {
    this.enqueue(async () => {
      const entry = this.undoStack.pop();
      if (entry === undefined) {
        this.hooks.saveState('nothing to undo', 'saved');
        return;
      }
      const decision: Decision = entry.before === null ? { op: 'remove', id: entry.id } : { op: 'restore', annotation: entry.before };
      const result = await this.post(decision);
      if (result === null) {
        this.undoStack.push(entry);
        return;
      }
      this.hooks.settled(entry.id);
      undone(entry.id, entry.before === null ? 'the new span is removed' : `${entry.before.label} is ${entry.before.status} again`);
    });
  }
}
