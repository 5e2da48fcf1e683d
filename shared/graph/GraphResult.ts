import { toGraphError } from './GraphError.ts';
import type { GraphError } from './GraphError.ts';

/** Expected outcomes are values: a Graph call either gives its value or a `GraphError` to show. */
export type GraphResult<T> = { ok: true; value: T } | { ok: false; error: GraphError };

export async function attempt<T>(call: () => Promise<T>): Promise<GraphResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toGraphError(error) };
  }
}
