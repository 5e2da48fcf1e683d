/**
 * The event runtime's script, built as one self-contained classic script at /addin/commands.js:
 * classic Outlook on Windows loads it alone in a JavaScript-only runtime (no DOM, no modules).
 * Handler ids must match the manifest's (manifest/buildOutlookExtension.ts).
 */
import { eventHandlers } from './events/handlers.ts';

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  for (const [id, handler] of Object.entries(eventHandlers)) office.actions.associate(id, handler);
}
