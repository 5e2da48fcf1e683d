/**
 * The standard signature in a message being written: which one (personal or a function mailbox's),
 * and inserting it without ever producing two (graph.md: some clients add a second signature on
 * `setSignatureAsync`, so an existing standard signature is detected first and replaced).
 * Used by the task pane and by the event runtime (no DOM, no React here).
 */
import { containsStandardSignature, renderSignature } from '../../shared/domain/index.ts';
import type { SignatureFields } from '../../shared/domain/index.ts';
import { call } from '../outlook/OutlookHostApi.ts';
import type { ComposeItemLike, RoamingSettingsLike } from '../outlook/OutlookHostApi.ts';

/** Roaming-settings keys. */
export const AUTO_SIGNATURE_KEY = 'autoSignature';
export const SIGNATURE_CACHE_KEY = 'signatures';
/** Roaming settings hold at most 32 KB per add-in; the cache stays well below. */
export const SIGNATURE_CACHE_MAX_CHARS = 24_000;

/**
 * What the task pane leaves for the event runtime, which has no Graph token: the rendered personal
 * signature, the function mailboxes' signatures, and the template with the organisation's fields for
 * a fallback from `userProfile`.
 */
export interface SignatureCache {
  template: string;
  organisation: SignatureFields;
  personal: string | null;
  /** Lower-case address → rendered HTML. */
  mailboxes: Record<string, string>;
}

/** Fits the cache into the size limit: drops function mailboxes' signatures, then the personal one. */
export function fitSignatureCache(cache: SignatureCache, maxChars = SIGNATURE_CACHE_MAX_CHARS): SignatureCache {
  const fitted: SignatureCache = { ...cache, mailboxes: { ...cache.mailboxes } };
  const size = () => JSON.stringify(fitted).length;
  for (const address of Object.keys(fitted.mailboxes).sort().reverse()) {
    if (size() <= maxChars) break;
    delete fitted.mailboxes[address];
  }
  if (size() > maxChars) fitted.personal = null;
  if (size() > maxChars) fitted.template = '{displayName}\n{mail}';
  return fitted;
}

export function readSignatureCache(settings: RoamingSettingsLike): SignatureCache | null {
  const value = settings.get(SIGNATURE_CACHE_KEY);
  if (!value || typeof value !== 'object') return null;
  const cache = value as Partial<SignatureCache>;
  if (typeof cache.template !== 'string') return null;
  return {
    template: cache.template,
    organisation: cache.organisation ?? {},
    personal: typeof cache.personal === 'string' ? cache.personal : null,
    mailboxes: cache.mailboxes && typeof cache.mailboxes === 'object' ? cache.mailboxes : {},
  };
}

/** Automatic signature on new messages: on unless the user switched it off. */
export function autoSignatureEnabled(settings: RoamingSettingsLike): boolean {
  return settings.get(AUTO_SIGNATURE_KEY) !== false;
}

const fallbackTemplate = '{displayName}\n{mail}';

/**
 * The signature for a message from `from`: the function mailbox's when `from` is one the cache knows,
 * else the personal one; without a cache, rendered from `userProfile` (and the organisation's fields
 * when known).
 */
export function chooseSignature(
  cache: SignatureCache | null,
  from: { emailAddress: string; displayName: string } | null,
  userProfile: { displayName: string; emailAddress: string },
): string {
  const own = !from || from.emailAddress.toLowerCase() === userProfile.emailAddress.toLowerCase();
  if (!own) {
    const known = cache?.mailboxes[from.emailAddress.toLowerCase()];
    if (known) return known;
    return renderSignature(cache?.template ?? fallbackTemplate, {
      ...cache?.organisation,
      displayName: from.displayName || from.emailAddress,
      mail: from.emailAddress,
      jobTitle: null,
      department: null,
      phone: null,
    }).html;
  }
  if (cache?.personal) return cache.personal;
  return renderSignature(cache?.template ?? fallbackTemplate, {
    ...cache?.organisation,
    displayName: userProfile.displayName,
    mail: userProfile.emailAddress,
  }).html;
}

const SIGNATURE_BLOCK =
  /<div\b[^>]*?(?:\sdata-brevladevakten-signature\b|\sclass\s*=\s*["']?(?:[^"'<>]*\s)?brevladevakten-signature\b)[^>]*>[\s\S]*?<\/div>/gi;

const textOf = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type SignaturePlan = { kind: 'keep' } | { kind: 'insert' } | { kind: 'replace'; html: string };

/**
 * What to do with a body to end up with exactly one standard signature, `signatureHtml`: keep it (it is
 * there already), insert it (there is none), or replace the body with one where every standard
 * signature is removed and the new one appended.
 */
export function planSignature(bodyHtml: string, signatureHtml: string): SignaturePlan {
  if (!containsStandardSignature(bodyHtml)) return { kind: 'insert' };
  const blocks = bodyHtml.match(SIGNATURE_BLOCK) ?? [];
  if (blocks.length === 1 && textOf(blocks[0] as string) === textOf(signatureHtml)) return { kind: 'keep' };
  const without = bodyHtml.replace(SIGNATURE_BLOCK, '');
  const bodyClose = without.search(/<\/body>/i);
  const html = bodyClose >= 0 ? `${without.slice(0, bodyClose)}${signatureHtml}${without.slice(bodyClose)}` : `${without}${signatureHtml}`;
  return { kind: 'replace', html };
}

/** Puts `signatureHtml` into the item's body as its only standard signature. */
export async function applySignature(item: ComposeItemLike, signatureHtml: string): Promise<SignaturePlan['kind']> {
  const body = await call<string>((cb) => item.body.getAsync('html', {}, cb));
  const plan = planSignature(body, signatureHtml);
  if (plan.kind === 'replace') {
    await call<void>((cb) => item.body.setAsync(plan.html, { coercionType: 'html' }, cb));
  } else if (plan.kind === 'insert') {
    if (item.body.setSignatureAsync) {
      await call<void>((cb) => item.body.setSignatureAsync!(signatureHtml, { coercionType: 'html' }, cb));
    } else {
      // Below Mailbox 1.10: append to the body.
      await call<void>((cb) => item.body.setAsync(`${body}${signatureHtml}`, { coercionType: 'html' }, cb));
    }
  }
  return plan.kind;
}

/** The From address of an item being written, or null where the API is unavailable. */
export async function composeFrom(item: ComposeItemLike): Promise<{ emailAddress: string; displayName: string } | null> {
  if (!item.from?.getAsync) return null;
  try {
    return await call((cb) => item.from!.getAsync({}, cb));
  } catch {
    return null;
  }
}
