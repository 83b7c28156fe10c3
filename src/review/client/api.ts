/** The page's side of the review API (see `shared/protocol.ts`). */
import type { ApiError, Decision, DecisionResult, DocumentList, DocumentPayload } from '../shared/protocol.js';

/** A failed request, with the server's one-sentence reason. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly revision?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }))) as T | ApiError;
  if (!response.ok) {
    const e = body as ApiError;
    throw new ApiFailure(response.status, e.error ?? `${response.status} ${response.statusText}`, e.revision);
  }
  return body as T;
}

export async function fetchList(): Promise<DocumentList> {
  return parse<DocumentList>(await fetch('/api/documents', { cache: 'no-store' }));
}

export async function fetchDocument(id: string): Promise<DocumentPayload> {
  return parse<DocumentPayload>(await fetch(`/api/document?id=${encodeURIComponent(id)}`, { cache: 'no-store' }));
}

/** Saves one decision made on `revision`; a 409 means another tab or a run got there first. */
export async function postDecision(id: string, revision: string, decision: Decision): Promise<DecisionResult> {
  const response = await fetch(`/api/document/decisions?id=${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${revision}"` },
    body: JSON.stringify(decision),
  });
  return parse<DecisionResult>(response);
}
