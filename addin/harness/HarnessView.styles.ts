import { makeStyles, tokens } from '@fluentui/react-components';

export const useHarnessViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  banner: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteYellowBorderActive}`,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 1fr) minmax(260px, 1.2fr) minmax(320px, 1.4fr)',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  message: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    display: 'grid',
    minHeight: '44px',
  },
  pane: {
    borderInlineStartWidth: tokens.strokeWidthThin,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    minWidth: 0,
  },
  h2: { fontSize: tokens.fontSizeBase400, margin: 0 },
  h3: { fontSize: tokens.fontSizeBase300, marginTop: tokens.spacingVerticalS, marginBottom: 0 },
});
