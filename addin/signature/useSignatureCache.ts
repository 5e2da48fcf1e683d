import { useEffect, useMemo } from 'react';
import { renderSignature } from '../../shared/domain/index.ts';
import type { RegisterEntry } from '../../shared/domain/index.ts';
import { useAppServices, useAsync } from '../../shared/ui/index.ts';
import { afterSessionStart, sessionMe } from '../../shared/ui/sessionStart.ts';
import type { OutlookHostApi } from '../outlook/OutlookHostApi.ts';
import { SIGNATURE_CACHE_KEY, fitSignatureCache } from './signatureLogic.ts';
import type { SignatureCache } from './signatureLogic.ts';
import { mailboxFields, organisationFields, personalFields } from './signatureFields.ts';

/**
 * The user's profile (`/me`) and personal signature; whenever the task pane is open (read or compose),
 * it leaves the rendered signatures — personal and the covered function mailboxes' — in roaming
 * settings for the event runtime, which has no Graph token (kept well under the 32 KB limit).
 */
export function useSignatureCache(outlook: OutlookHostApi | null, covered: readonly RegisterEntry[]) {
  const { graph, config, userPrincipalName } = useAppServices();
  // Not needed for the pane's first view: asked once the session's start-up reads are done (with a
  // real tenant the session has read it already, to know who signed in).
  const me = useAsync(() => afterSessionStart(graph).then(() => sessionMe(graph)), userPrincipalName ?? '');
  const template = config.organisation.signatureTemplate;
  const personal = useMemo(
    () => (me.status === 'done' && me.value.ok ? renderSignature(template, personalFields(me.value.value, config.organisation)) : null),
    [me, template, config],
  );
  const settings = outlook?.context.roamingSettings;
  useEffect(() => {
    if (!settings || !personal) return;
    const mailboxes: Record<string, string> = {};
    for (const entry of covered) mailboxes[entry.address.toLowerCase()] = renderSignature(template, mailboxFields(entry, config.organisation)).html;
    const cache: SignatureCache = fitSignatureCache({ template, organisation: organisationFields(config.organisation), personal: personal.html, mailboxes });
    if (JSON.stringify(settings.get(SIGNATURE_CACHE_KEY)) === JSON.stringify(cache)) return;
    settings.set(SIGNATURE_CACHE_KEY, cache);
    settings.saveAsync();
  }, [settings, personal, covered, template, config]);
  return { me, personal };
}
