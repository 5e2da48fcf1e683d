/**
 * What a `*.styles.ts` module gets for '@fluentui/react-components' while scripts/griffelAot.ts evaluates
 * it at build time: the real package, except that `makeStyles` hands back the styles it was given.
 */
import type { GriffelStyle } from '@fluentui/react-components';

export * from '@fluentui/react-components';

/** Symbol.for: this module runs in Vite's module runner, griffelAot.ts in the config's own context. */
const stylesKey = Symbol.for('brevladevakten.griffelAot.styles');

export function makeStyles(stylesBySlots: Record<string, GriffelStyle>): { [stylesKey]: Record<string, GriffelStyle> } {
  return { [stylesKey]: stylesBySlots };
}
