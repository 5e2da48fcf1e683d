import { makeStyles, tokens } from '@fluentui/react-components';

export const useTabStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '1200px',
  },
  title: { fontSize: tokens.fontSizeBase600, margin: 0 },
  switcher: { maxWidth: '420px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase500, margin: 0 },
});
