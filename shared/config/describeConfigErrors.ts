import { formatIssue } from '../domain/index.ts';
import type { ValidationIssue } from '../domain/index.ts';

/** One message for a person: which file, which fields, what to write instead. */
export function describeConfigErrors(source: string, issues: readonly ValidationIssue[]): string {
  const lines = issues.map((issue) => `  - ${formatIssue(issue)}`);
  return [`Configuration error in \`${source}\` (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):`, ...lines].join(
    '\n',
  );
}

/** Parses text as JSON, turning a syntax error into a message that names the file and the position. */
export function parseJsonText(source: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Configuration error in \`${source}\`: the file is not valid JSON (${reason}). Fix the syntax and reload.` };
  }
}
