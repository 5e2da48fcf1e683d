import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from '../i18n/react.tsx';

export type MessageState = 'ok' | 'approaching' | 'overdue' | 'handled';

const look = {
  ok: { color: 'success', icon: <ClockRegular /> },
  approaching: { color: 'warning', icon: <WarningRegular /> },
  overdue: { color: 'danger', icon: <ErrorCircleRegular /> },
  handled: { color: 'informative', icon: <CheckmarkCircleRegular /> },
} as const;

/** A message's state by text and icon as well as colour, so it reads without colour vision. */
export function DeadlineBadge({ state }: { state: MessageState }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={look[state].color} icon={look[state].icon} data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}
