import { createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';

export const useTabsStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'stretch' },
  tab: {
    position: 'relative',
    display: 'inline-grid',
    alignItems: 'center',
    justifyItems: 'center',
    minHeight: '44px',
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalMNudge,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: 'pointer',
    // Transparent backgrounds, as Fluent's TabList: a contrast theme's hover colour would hide the label.
    // The selection indicator: a bar under the label, as in Fluent's TabList.
    '::after': {
      content: '""',
      position: 'absolute',
      insetInline: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':hover': {
      color: tokens.colorNeutralForeground2Hover,
      backgroundColor: tokens.colorTransparentBackgroundHover,
    },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active': { color: tokens.colorNeutralForeground2Pressed, backgroundColor: tokens.colorTransparentBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    // Windows contrast themes draw no backgrounds: the indicator becomes a system-coloured border.
    '@media (forced-colors: active)': {
      '::after': { backgroundColor: 'Highlight', border: `${tokens.strokeWidthThicker} solid Highlight` },
    },
  },
  // Both weights are laid out in the same grid cell, so selecting a tab does not shift its neighbours.
  label: { gridArea: '1 / 1' },
  reserved: { gridArea: '1 / 1', fontWeight: tokens.fontWeightSemibold, visibility: 'hidden' },
});
