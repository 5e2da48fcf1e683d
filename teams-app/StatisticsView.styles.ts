import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatisticsViewStyles = makeStyles({
  mailbox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  chart: { maxWidth: '560px', minHeight: '290px' },
  below: { color: tokens.colorPaletteRedForeground1 },
});
