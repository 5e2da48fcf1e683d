import { makeStyles, tokens } from '@fluentui/react-components';

export const useRefreshBarStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  status: { color: tokens.colorNeutralForeground2 },
  // Where the spinner goes once it shows (extra-tiny: 12 px, and the label's gap): the words do not move.
  refreshing: { paddingLeft: `calc(12px + ${tokens.spacingHorizontalXS})` },
});
