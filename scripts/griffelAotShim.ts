/**
 * What a `*.styles.ts` module gets for '@fluentui/react-components' while scripts/griffelAot.ts evaluates
 * it at build time: `makeStyles` hands back the styles it was given, and the helpers styles are written
 * with come from the packages @fluentui/react-components takes them from. Not the whole package: loading
 * all of Fluent in Node would add ~2 s to every build. A styles module that imports a name not exported
 * here fails the build, naming it; add it here from the package that defines it.
 */
import type { GriffelStyle } from '@fluentui/react-components';

export { tokens, typographyStyles } from '@fluentui/react-theme';
export { createCustomFocusIndicatorStyle, createFocusOutlineStyle } from '@fluentui/react-tabster';
export { shorthands } from '@griffel/core';

/** Symbol.for: this module runs in Vite's module runner, griffelAot.ts in the config's own context. */
const stylesKey = Symbol.for('brevladevakten.griffelAot.styles');

export function makeStyles(stylesBySlots: Record<string, GriffelStyle>): { [stylesKey]: Record<string, GriffelStyle> } {
  return { [stylesKey]: stylesBySlots };
}
