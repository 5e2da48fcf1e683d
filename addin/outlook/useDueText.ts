import { useCallback } from 'react';
import { useTranslation } from '../../shared/i18n/react.tsx';
import type { DeadlineStatus } from '../../shared/domain/index.ts';
import { dateLocale } from '../../shared/ui/index.ts';
import { dueInWords } from './dueInWords.ts';

/** "senast i morgon 17:00" / "skulle ha hanterats senast i går 17:00", in the organisation's zone. */
export function useDueText(timeZone: string) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (dueMs: number, nowMs: number, state: DeadlineStatus) => {
      const when = dueInWords(dueMs, nowMs, {
        locale: dateLocale(i18n.language),
        timeZone,
        words: { today: t('outlook.due.today'), tomorrow: t('outlook.due.tomorrow'), yesterday: t('outlook.due.yesterday') },
      });
      return state === 'overdue' ? t('outlook.due.was', { when }) : t('outlook.due.by', { when });
    },
    [t, i18n.language, timeZone],
  );
}
