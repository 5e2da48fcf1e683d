import { plainTextOfHtml } from './plainTextOfHtml.ts';

function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ways a reply may write a display name: as it is; without a parenthesised suffix (`Erik Dahl
 * (Socialförvaltningen)`); turned round when the directory lists surname first (`Dahl, Erik`); and first
 * and last name only, leaving out middle names.
 */
function nameVariants(displayName: string): string[] {
  const full = normalise(displayName);
  const bare = normalise(full.replace(/\([^)]*\)/g, ' '));
  const comma = /^([^,]+),\s*(.+)$/.exec(bare);
  const ordered = comma ? normalise(`${comma[2]} ${comma[1]}`) : bare;
  const words = ordered.split(' ');
  const firstLast = words.length > 2 ? `${words[0]} ${words[words.length - 1]}` : ordered;
  return [...new Set([full, bare, ordered, firstLast])].filter((name) => name.length >= 2);
}

/**
 * Whether an automatic reply (HTML or text) mentions any of the names or addresses, ignoring case,
 * markup and entities. Addresses count in link targets too (`mailto:`); names only as whole words of
 * the visible text, so `Erik` does not match `Erika`.
 */
export function autoReplyMentions(
  message: string,
  names: readonly string[],
  addresses: readonly string[],
): boolean {
  const raw = normalise(message);
  const text = normalise(plainTextOfHtml(message));
  if (
    addresses.some(
      (address) => address !== '' && (raw.includes(normalise(address)) || text.includes(normalise(address))),
    )
  )
    return true;
  return names.some((name) =>
    nameVariants(name).some((variant) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}(?![\\p{L}\\p{N}])`, 'u').test(text),
    ),
  );
}
