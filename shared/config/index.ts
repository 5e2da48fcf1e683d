export type { AppConfig } from './AppConfig.ts';
export { parseAppConfig } from './parseAppConfig.ts';
export { describeConfigErrors, parseJsonText } from './describeConfigErrors.ts';
