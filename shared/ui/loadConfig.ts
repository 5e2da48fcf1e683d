import { describeConfigErrors, parseAppConfig, parseJsonText } from '../config/index.ts';
import type { AppConfig } from '../config/index.ts';
import { takeEarlyConfigResponse } from './earlyStart.ts';

export type ConfigLoad = { ok: true; config: AppConfig } | { ok: false; message: string };

/**
 * Fetches and validates the organisation's configuration at start-up. A broken file gives a message
 * that names the field, the expectation and what was found — never a blank page.
 */
export async function loadConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<ConfigLoad> {
  let text: string;
  try {
    const response = await (takeEarlyConfigResponse(url) ?? fetchImpl(url, { cache: 'no-store' }));
    if (!response.ok) {
      return {
        ok: false,
        message: `Configuration error: \`${url}\` could not be loaded (HTTP ${response.status}). Deploy config.json beside the app.`,
      };
    }
    text = await response.text();
  } catch (error) {
    return { ok: false, message: `Configuration error: \`${url}\` could not be loaded (${String(error)}).` };
  }
  const json = parseJsonText('config.json', text);
  if (!json.ok) return { ok: false, message: json.message };
  const parsed = parseAppConfig(json.value);
  if (!parsed.ok) return { ok: false, message: describeConfigErrors('config.json', parsed.errors) };
  return { ok: true, config: parsed.value };
}
