import { useEffect, useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Switch } from '@fluentui/react-components';
import { SignatureRegular } from '@fluentui/react-icons';
import { useTranslation } from '../shared/i18n/react.tsx';
import { renderSignature } from '../shared/domain/index.ts';
import type { RegisterEntry } from '../shared/domain/index.ts';
import type { GraphResult, Me } from '../shared/graph/index.ts';
import { GraphErrorBar, useAppServices } from '../shared/ui/index.ts';
import type { AsyncState } from '../shared/ui/index.ts';
import { useOutlook } from './outlook/OutlookContext.tsx';
import type { ComposeItemLike } from './outlook/OutlookHostApi.ts';
import { AUTO_SIGNATURE_KEY, applySignature, autoSignatureEnabled, composeFrom } from './signature/signatureLogic.ts';
import type { SignaturePlan } from './signature/signatureLogic.ts';
import { mailboxFields } from './signature/signatureFields.ts';
import { useComposeViewStyles } from './ComposeView.styles.ts';

type Feedback = { kind: SignaturePlan['kind'] } | { kind: 'failed'; message: string } | null;

/** Compose mode: the standard signature for the current From, previewed, inserted or replaced. */
export function ComposeView({
  item,
  entries,
  me,
  personal,
}: {
  item: ComposeItemLike;
  entries: readonly RegisterEntry[];
  me: AsyncState<GraphResult<Me>>;
  personal: { html: string; text: string } | null;
}) {
  const { t } = useTranslation();
  const styles = useComposeViewStyles();
  const { config } = useAppServices();
  const outlook = useOutlook();
  const [from, setFrom] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const settings = outlook?.context.roamingSettings;
  const [auto, setAuto] = useState(() => (settings ? autoSignatureEnabled(settings) : true));
  const template = config.organisation.signatureTemplate;

  // The task pane has no From-changed event: read From now and then while open.
  useEffect(() => {
    let current = true;
    const read = () => void composeFrom(item).then((value) => current && setFrom(value?.emailAddress.toLowerCase() ?? null));
    read();
    const handle = setInterval(read, 1500);
    return () => {
      current = false;
      clearInterval(handle);
    };
  }, [item]);

  const fromEntry = from ? entries.find((e) => e.address.toLowerCase() === from) : undefined;
  const signature = fromEntry ? renderSignature(template, mailboxFields(fromEntry, config.organisation)) : personal;

  const insert = async () => {
    if (!signature) return;
    try {
      setFeedback({ kind: await applySignature(item, signature.html) });
    } catch (error) {
      setFeedback({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const toggleAuto = (checked: boolean) => {
    setAuto(checked);
    settings?.set(AUTO_SIGNATURE_KEY, checked);
    settings?.saveAsync();
  };

  return (
    <section aria-labelledby="compose-heading" data-testid="compose-view">
      <h2 id="compose-heading" style={{ fontSize: 16 }}>
        {t('outlook.compose.heading')}
      </h2>
      {me.status === 'loading' && <Spinner size="tiny" label={t('outlook.compose.loading')} />}
      {me.status === 'done' && !me.value.ok && <GraphErrorBar error={me.value.error} url={config.graph.baseUrl} />}
      {signature && (
        <>
          <Caption1 data-testid="compose-signature-for">
            {fromEntry ? t('outlook.compose.forMailbox', { mailbox: fromEntry.displayName }) : t('outlook.compose.personal')}
          </Caption1>
          <figure style={{ margin: 0 }}>
            <figcaption>
              <Caption1>{t('outlook.compose.preview')}</Caption1>
            </figcaption>
            {/* renderSignature escapes every value: the HTML is safe to show. */}
            <div className={styles.preview} data-testid="signature-preview" dangerouslySetInnerHTML={{ __html: signature.html }} />
          </figure>
          <Button appearance="primary" icon={<SignatureRegular />} onClick={() => void insert()} data-testid="insert-signature">
            {t('outlook.compose.insert')}
          </Button>
        </>
      )}
      <div role="status" aria-live="polite" data-testid="signature-feedback">
        {feedback && feedback.kind !== 'failed' && t(`outlook.compose.${feedback.kind === 'insert' ? 'inserted' : feedback.kind === 'keep' ? 'kept' : 'replaced'}`)}
      </div>
      {feedback?.kind === 'failed' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{t('outlook.compose.failed', { message: feedback.message })}</MessageBarBody>
        </MessageBar>
      )}
      <Switch checked={auto} onChange={(_, data) => toggleAuto(data.checked)} label={t('outlook.compose.auto')} data-testid="auto-signature" />
    </section>
  );
}
