import { graphError } from './respond.ts';
import type { Middleware } from './types.ts';

/** Turns an exception in a handler (an emulator bug) into Graph's 500 shape, and logs it. */
export const errorBoundary: Middleware = async (context, next) => {
  try {
    return await next();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[emulator] ${context.request.method} ${context.url.pathname} failed:\n${detail}`);
    return graphError(context, {
      status: 500,
      code: 'generalException',
      message: `The Graph emulator failed on ${context.request.method} ${context.url.pathname}: ${error instanceof Error ? error.message : String(error)}. This is an emulator bug: please report it with the request.`,
    });
  }
};

/** Runs `steps` around `last`, outermost first. */
export function runPipeline(
  context: Parameters<Middleware>[0],
  steps: readonly Middleware[],
  last: () => Promise<Response>,
): Promise<Response> {
  const dispatch = (index: number): Promise<Response> => {
    const step = steps[index];
    return step ? step(context, () => dispatch(index + 1)) : last();
  };
  return dispatch(0);
}
