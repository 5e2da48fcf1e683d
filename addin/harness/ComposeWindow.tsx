import { useEffect, useRef, useSyncExternalStore } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useTranslation } from '../../shared/i18n/react.tsx';
import type { HarnessOutlook } from './createHarnessOutlook.ts';
import { useComposeWindowStyles } from './ComposeWindow.styles.ts';

/**
 * The demo harness's compose window: From, To, Subject, the body and Send, which run the add-in's
 * real event handlers, and the Smart Alert they may raise. Its own chunk (Select, Field, Input,
 * Dialog): the harness loads it when a message is being written, not before the task pane's first queue.
 */
export default function ComposeWindow({
  harness,
  fromOptions,
}: {
  harness: HarnessOutlook;
  fromOptions: Array<{ address: string; displayName: string }>;
}) {
  const { t } = useTranslation();
  const styles = useComposeWindowStyles();
  const state = useSyncExternalStore(harness.subscribe, harness.getState, harness.getState);
  const compose = state.compose!;
  const editor = useRef<HTMLDivElement>(null);
  const bodyHtml = compose.bodyHtml;
  // The add-in changed the body (signature): show it. The user's own typing is read on input.
  useEffect(() => {
    if (editor.current && editor.current.innerHTML !== bodyHtml) editor.current.innerHTML = bodyHtml;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the add-in changed it
  }, [compose.bodyVersion]);

  return (
    <form
      className={styles.column}
      onSubmit={(event) => {
        event.preventDefault();
        void harness.send();
      }}
      data-testid="harness-compose"
    >
      <Field label={t('outlook.harness.from')}>
        <Select
          value={compose.from}
          onChange={(_, data) => void harness.changeFrom(data.value)}
          data-testid="harness-from"
        >
          {fromOptions.map((option) => (
            <option key={option.address} value={option.address}>
              {option.displayName} ({option.address})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('outlook.harness.to')}>
        <Input
          value={compose.to}
          onChange={(_, data) => harness.edit({ to: data.value })}
          data-testid="harness-to"
        />
      </Field>
      <Field label={t('outlook.harness.subject')}>
        <Input
          value={compose.subject}
          onChange={(_, data) => harness.edit({ subject: data.value })}
          data-testid="harness-subject"
        />
      </Field>
      <Text id="harness-body-label" weight="semibold">
        {t('outlook.harness.body')}
      </Text>
      <div
        ref={editor}
        className={styles.editor}
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-labelledby="harness-body-label"
        tabIndex={0}
        suppressContentEditableWarning
        onInput={(event) => harness.edit({ bodyHtml: event.currentTarget.innerHTML })}
        data-testid="harness-body"
      />
      <span style={{ display: 'flex', gap: tokens.spacingHorizontalS }}>
        <Button
          type="submit"
          appearance="primary"
          icon={<SendRegular />}
          disabled={state.sending}
          data-testid="harness-send"
        >
          {state.sending ? t('outlook.harness.sending') : t('outlook.harness.send')}
        </Button>
        <Button onClick={() => harness.closeCompose()} data-testid="harness-close">
          {t('outlook.harness.close')}
        </Button>
      </span>
      <Dialog
        open={state.alert !== null}
        modalType="alert"
        onOpenChange={(_, data) => !data.open && harness.answerAlert(false)}
      >
        <DialogSurface data-testid="smart-alert">
          <DialogBody>
            <DialogTitle>{t('app.title')}</DialogTitle>
            <DialogContent data-testid="smart-alert-message">{state.alert?.message}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => harness.answerAlert(false)}
                data-testid="smart-alert-dont-send"
              >
                {t('outlook.harness.dontSend')}
              </Button>
              <Button onClick={() => harness.answerAlert(true)} data-testid="smart-alert-send-anyway">
                {t('outlook.harness.sendAnyway')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
