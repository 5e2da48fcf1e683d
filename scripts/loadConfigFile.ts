import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeConfigErrors, parseAppConfig, parseJsonText } from '../shared/config/index.ts';
import type { AppConfig } from '../shared/config/index.ts';

/**
 * Reads and validates the configuration file for the Node-side commands (start, package). Returns the
 * configuration or a message naming the file, each bad field, what was expected and what was found.
 */
export function loadConfigFile(
  path = process.env.BREVLADEVAKTEN_CONFIG ?? 'config.json',
): { ok: true; config: AppConfig; path: string } | { ok: false; message: string } {
  const full = resolve(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    return { ok: false, message: `Configuration error: ${full} cannot be read. Create it from config.example.json, or set BREVLADEVAKTEN_CONFIG.` };
  }
  const json = parseJsonText(path, text);
  if (!json.ok) return { ok: false, message: json.message };
  const parsed = parseAppConfig(json.value);
  if (!parsed.ok) return { ok: false, message: describeConfigErrors(path, parsed.errors) };
  return { ok: true, config: parsed.value, path: full };
}
