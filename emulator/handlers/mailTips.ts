import type { AutomaticRepliesState, UserState } from '../model/types.ts';
import { errors, fail, graphError, json, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';
import type { GraphContext, RouteDefinition } from '../pipeline/types.ts';
import { toZonedDateTimeTimeZone } from '../time.ts';
import { readMailboxAction } from './mailboxAction.ts';
import { timeZonePreferenceApplied } from './timeZonePreference.ts';
import type { OutputZone } from './timeZonePreference.ts';

/**
 * `POST /users/{id}/getMailTips` (and `/me/getMailTips`) with
 * `{"EmailAddresses": [...], "MailTipsOptions": "automaticReplies"}`: the automatic-reply mail tip
 * of each recipient, as an internal sender sees it.
 *
 * - status `disabled`, or `scheduled` with an end in the past: `automaticReplies: {message: ""}`;
 * - `alwaysEnabled`: the internal reply message (HTML, as Exchange stores it) and its language;
 * - `scheduled`: the message, its language and the scheduled start and end — also before the
 *   start (the mail tip announces a coming absence).
 *
 * An address the tenant does not know is an entry with `error` (`UnknownRecipient`), not a failed
 * call. Besides `automaticReplies` the emulator answers `mailboxFullStatus` (never full).
 */

/** Exchange does not document a per-call limit; the emulator allows 100 addresses. */
export const mailTipsAddressLimit = 100;

const supportedOptions = ['automaticReplies', 'mailboxFullStatus'] as const;
type MailTipsOption = (typeof supportedOptions)[number];

interface MailTipsRequest {
  addresses: string[];
  options: MailTipsOption[];
}

/** A body property by name, in Graph's PascalCase (`EmailAddresses`) or camelCase (`emailAddresses`). */
function property(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

function parseRequest(body: Record<string, unknown>): Outcome<MailTipsRequest> {
  const addresses = property(body, 'EmailAddresses');
  if (!Array.isArray(addresses) || addresses.length === 0 || !addresses.every((a) => typeof a === 'string'))
    return fail(
      errors.badRequest(
        'Send {"EmailAddresses": ["name@example.se", …], "MailTipsOptions": "automaticReplies"}: EmailAddresses must be a non-empty array of SMTP addresses.',
      ),
    );
  if (addresses.length > mailTipsAddressLimit)
    return fail(
      errors.badRequest(
        `Too many addresses (${addresses.length}) in one getMailTips call: the emulator allows ${mailTipsAddressLimit}. Split the list and use $batch.`,
      ),
    );
  const rawOptions = property(body, 'MailTipsOptions');
  if (typeof rawOptions !== 'string' || rawOptions.trim() === '')
    return fail(
      errors.badRequest(
        'MailTipsOptions is required, e.g. "automaticReplies" or "automaticReplies, mailboxFullStatus".',
      ),
    );
  const options: MailTipsOption[] = [];
  for (const raw of rawOptions.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const known = supportedOptions.find((o) => o.toLowerCase() === name.toLowerCase());
    if (!known)
      return fail(
        errors.badRequest(
          `The emulator answers only the mail tips ${supportedOptions.join(', ')}; '${name}' was requested.`,
        ),
      );
    if (!options.includes(known)) options.push(known);
  }
  return ok({ addresses: addresses as string[], options });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Exchange keeps automatic replies as HTML; a plain text one comes back wrapped like this. */
export function automaticReplyHtml(text: string): string {
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => `<div>${line === '' ? '<br>' : escapeHtml(line)}</div>`)
    .join('\r\n');
  return `<html>\r\n<body>\r\n<div dir="ltr">\r\n${paragraphs}\r\n</div>\r\n</body>\r\n</html>\r\n`;
}

function automaticRepliesTip(
  state: AutomaticRepliesState,
  nowMs: number,
  zone: OutputZone,
): Record<string, unknown> {
  const expired =
    state.status === 'scheduled' &&
    (state.scheduledEndDateTime === null || Date.parse(state.scheduledEndDateTime) <= nowMs);
  if (state.status === 'disabled' || expired || state.internalReplyMessage === '') return { message: '' };
  const tip: Record<string, unknown> = {
    message: automaticReplyHtml(state.internalReplyMessage),
    messageLanguage: { locale: 'sv-SE', displayName: 'Swedish (Sweden)' },
  };
  if (state.status === 'scheduled' && state.scheduledStartDateTime && state.scheduledEndDateTime) {
    tip.scheduledStartTime = toZonedDateTimeTimeZone(state.scheduledStartDateTime, zone);
    tip.scheduledEndTime = toZonedDateTimeTimeZone(state.scheduledEndDateTime, zone);
  }
  return tip;
}

function mailTipsFor(
  context: GraphContext,
  address: string,
  options: MailTipsOption[],
  zone: OutputZone,
): Record<string, unknown> {
  const user: UserState | undefined = context.tenant.findUser(address.trim());
  const entry: Record<string, unknown> = { emailAddress: { name: '', address } };
  if (!user) {
    entry.error = {
      code: 'UnknownRecipient',
      message: `The recipient ${address} could not be resolved to a mailbox in the organisation.`,
    };
    return entry;
  }
  if (options.includes('automaticReplies'))
    entry.automaticReplies = automaticRepliesTip(
      user.mailbox.automaticReplies,
      Date.parse(context.tenant.clock()),
      zone,
    );
  if (options.includes('mailboxFullStatus')) entry.mailboxFull = false;
  return entry;
}

async function getMailTips(context: GraphContext): Promise<Response> {
  const action = await readMailboxAction(context, parseRequest);
  if (!action.ok) return graphError(context, action.error);
  const { request, zone } = action.value;
  return json(
    {
      '@odata.context': `${context.serviceRoot}/$metadata#Collection(microsoft.graph.mailTips)`,
      value: request.addresses.map((address) =>
        mailTipsFor(context, address, request.options, zone),
      ),
    },
    { headers: timeZonePreferenceApplied(zone) },
  );
}

export const mailTipsRoutes: RouteDefinition[] = [
  { name: 'user.getMailTips', method: 'POST', path: '/users/{userId}/getMailTips', handle: getMailTips },
];
