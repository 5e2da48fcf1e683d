export { sideloadingWarnings } from './appConfigForManifest';
export type { AppConfigForManifest } from './appConfigForManifest';
export {
  ACCENT_COLOR,
  BREVLADEVAKTEN_APP_ID,
  DEFAULT_APP_VERSION,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  PACKAGE_ICON_FILES,
  buildManifest,
} from './buildManifest';
export type { BrevladevaktenManifest } from './buildManifest';
export { ADDIN_ACTION_IDS } from './buildOutlookExtension';
export { ADDIN_ICON_SIZES, addinIconFileName, manifestUrls } from './manifestUrls';
export type { AddinIconSize, ManifestUrls } from './manifestUrls';
export {
  COLOR_ICON_SIZE,
  OUTLINE_ICON_SIZE,
  renderAddinIcon,
  renderColorIcon,
  renderOutlineIcon,
  writeAssetIcons,
} from './icons';
export { encodePng } from './encodePng';
export { decodePng, readPngHeader } from './readPng';
export type { DecodedPng, PngHeader } from './readPng';
export { validateManifest } from './validateManifest';
export { createAppPackage } from './createAppPackage';
export type { AppPackageFiles } from './createAppPackage';
