import { makeStyles, tokens } from '@fluentui/react-components';

export const useManagerViewStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  filter: { minWidth: '280px' },
  heading: { fontSize: tokens.fontSizeBase500, margin: 0 },
  address: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});
