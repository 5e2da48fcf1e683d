import { makeStyles, tokens } from '@fluentui/react-components';

// Here, not in CoverageGrid.tsx, because the styles module may import nothing of ours: the row windowing
// there must use the same numbers as these styles.
export const ROW_HEIGHT = 44;
export const VIEWPORT = 440;

export const useCoverageGridStyles = makeStyles({
  scroller: {
    maxHeight: `${VIEWPORT}px`,
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', minWidth: '960px' },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
  },
  mailboxTh: { width: '220px', textAlign: 'start' },
  rowHead: {
    height: `${ROW_HEIGHT}px`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    padding: '2px',
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
  covered: { backgroundColor: tokens.colorNeutralBackground1 },
  oneAway: {
    backgroundColor: tokens.colorNeutralBackground3,
    backgroundImage: `radial-gradient(${tokens.colorNeutralStroke1} 1px, transparent 1px)`,
    backgroundSize: '6px 6px',
  },
  bothAway: {
    backgroundColor: tokens.colorNeutralBackground1,
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorPaletteRedBorder2} 0 3px, transparent 3px 9px)`,
  },
  closed: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground2 },
  cellButton: {
    fontFamily: 'inherit',
    fontSize: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '1px 4px',
    cursor: 'pointer',
    maxWidth: '100%',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  strong: { fontWeight: tokens.fontWeightBold },
  spacer: { padding: 0, border: 'none' },
  detail: { minHeight: '1.5em' },
});
