import { makeStyles, tokens } from '@fluentui/react-components';

export const useOwnerViewStyles = makeStyles({
  cards: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cardTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  people: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  reply: { fontStyle: 'italic', overflowWrap: 'anywhere' },
  findings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  sectionHeading: { fontSize: tokens.fontSizeBase500, margin: 0 },
});
