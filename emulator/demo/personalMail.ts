import { exchangeId, randomHex } from '../model/ids.ts';
import type { Tenant } from '../tenant.ts';
import { toGraphInstant } from '../time.ts';
import { demoPeople } from './organisation.ts';
import { demoPersonas } from './personas.ts';
import type { Prng } from './prng.ts';

const subjects = [
  'Arbetsplatsträff på torsdag',
  'Schema för nästa vecka',
  'Protokoll från ledningsgruppen',
  'Lunchföreläsning om tillgänglighet',
  'Påminnelse: tidrapportering',
  'Ny version av e-postriktlinjen',
];

/** A few internal messages in each persona's own Inbox, so `/me/mailFolders/inbox/messages` is not empty. */
export function addPersonalMail(tenant: Tenant, prng: Prng, nowMs: number): void {
  for (const persona of demoPersonas) {
    const me = tenant.findUser(persona.upn);
    if (!me) continue;
    for (let i = 0; i < 5; i++) {
      const author = prng.pick(demoPeople.filter((p) => p.upn !== persona.upn && p.accountEnabled !== false));
      const from = { name: `${author.givenName} ${author.surname}`, address: author.upn };
      const receivedMs = nowMs - prng.int(30, 7 * 24 * 60) * 60_000;
      const received = toGraphInstant(Math.floor(receivedMs / 1000) * 1000);
      const random = () => prng.next();
      tenant.addMessage(me, 'inbox', {
        id: exchangeId(random, 'item'),
        createdDateTime: received,
        receivedDateTime: received,
        sentDateTime: toGraphInstant(Date.parse(received) - 4000),
        subject: prng.pick(subjects),
        from,
        sender: from,
        toRecipients: [{ name: me.displayName, address: me.mail }],
        ccRecipients: [],
        isRead: prng.chance(0.6),
        flag: { flagStatus: 'notFlagged' },
        categories: [],
        conversationId: exchangeId(random, 'conversation'),
        internetMessageId: `<${randomHex(random, 8)}@sjoby.example>`,
        hasAttachments: prng.chance(0.3),
        importance: 'normal',
        lastVerbExecuted: null,
        lastVerbExecutionTime: null,
      });
    }
  }
}
