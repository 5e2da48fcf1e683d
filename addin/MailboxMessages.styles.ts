import { makeStyles, tokens } from '@fluentui/react-components';

// The entries themselves: messageItem.styles.ts.
export const useMailboxMessagesStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
