import { ianaZoneOf } from '../time.ts';
import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';

export interface OutputZone {
  /** The name to write in `timeZone` (as the client sent it, or `UTC`). */
  name: string;
  iana: string;
}

/**
 * `Prefer: outlook.timezone="W. Europe Standard Time"`: the zone Outlook resources write
 * `dateTimeTimeZone` values in (default UTC). Windows and IANA names are understood.
 */
export function preferredTimeZone(request: Request): Outcome<OutputZone> {
  const prefer = request.headers.get('Prefer') ?? '';
  const match = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(prefer);
  if (!match) return ok({ name: 'UTC', iana: 'UTC' });
  const name = (match[1] ?? match[2] ?? '').trim();
  const iana = ianaZoneOf(name);
  if (!iana)
    return fail(
      errors.badRequest(
        `The emulator does not know the time zone '${name}' in Prefer: outlook.timezone. Use a Windows name such as "W. Europe Standard Time" or an IANA name such as "Europe/Stockholm".`,
      ),
    );
  return ok({ name, iana });
}

/** Whether the request asked for a time zone (to echo `Preference-Applied`). */
export function timeZonePreferenceApplied(zone: OutputZone): Record<string, string> {
  return zone.name === 'UTC' && zone.iana === 'UTC'
    ? {}
    : { 'Preference-Applied': `outlook.timezone="${zone.name}"` };
}
