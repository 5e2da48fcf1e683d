import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

// The entries themselves: messageItem.styles.ts. Their text is plain elements with Fluent's type ramp
// (`typographyStyles`, what Text weight="semibold" and Caption1 apply): a queue renders many entries,
// and a Text component per line costs the first render more than the line itself.
export const useQueueViewStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  counts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  subject: typographyStyles.body1Strong,
  meta: typographyStyles.caption1,
});
