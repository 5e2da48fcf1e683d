import { joinPath } from './ParseResult.ts';
import type { ValidationIssue } from './ParseResult.ts';

/**
 * One line for a person: where, what was expected and what was found, e.g.
 * ``at `organisation.calendar.openingHours.mon`: expected `HH:MM-HH:MM`, got `"8-17"` ``.
 * `prefix` is put in front of the issue's path (`organisation.calendar`).
 */
export function formatIssue(issue: ValidationIssue, prefix = ''): string {
  const path = joinPath(prefix, issue.path);
  const where = path === '' ? 'at the top level' : `at \`${path}\``;
  return `${where}: expected \`${issue.expected}\`, got \`${issue.found}\``;
}
