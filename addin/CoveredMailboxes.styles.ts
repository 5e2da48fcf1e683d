import { makeStyles, tokens } from '@fluentui/react-components';

export const useCoveredMailboxesStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  mailbox: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', minHeight: '44px' },
  mailboxText: { display: 'grid', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});
