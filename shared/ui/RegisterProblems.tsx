import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from '../i18n/react.tsx';
import { formatIssue } from '../domain/index.ts';
import type { RegisterSnapshot } from '../graph/index.ts';

/** Register rows that could not be read: shown, with the reasons, instead of silently dropped. */
export function RegisterProblems({ invalid }: { invalid: RegisterSnapshot['invalid'] }) {
  const { t } = useTranslation();
  if (invalid.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {t('register.invalidRows', { count: invalid.length })}
        <ul>
          {invalid.map((row) => (
            <li key={row.itemId}>
              {row.title}: {row.issues.map((issue) => formatIssue(issue)).join('; ')}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
