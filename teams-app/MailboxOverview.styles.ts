import { makeStyles, tokens } from '@fluentui/react-components';

export const useMailboxOverviewStyles = makeStyles({
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  address: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  mailboxCell: { minWidth: '14rem' },
});
