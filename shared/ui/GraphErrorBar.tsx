import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from '../i18n/react.tsx';
import type { GraphError } from '../graph/index.ts';

/** A failed Graph call, in words. */
export function GraphErrorBar({ error, url }: { error: GraphError; url: string }) {
  const { t } = useTranslation();
  const text =
    error.status === 0
      ? t('graph.networkError', { url })
      : t('graph.error', { status: error.status, code: error.code, message: error.message });
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
