import { makeStyles, tokens } from '@fluentui/react-components';

export const useRefreshBarStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  status: { color: tokens.colorNeutralForeground2 },
});
