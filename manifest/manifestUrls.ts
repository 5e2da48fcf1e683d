/** Sizes of the add-in icons served from `${baseUrl}/assets/icon-<size>.png`. */
export const ADDIN_ICON_SIZES = [16, 32, 64, 80, 128] as const;
export type AddinIconSize = (typeof ADDIN_ICON_SIZES)[number];

export function addinIconFileName(size: AddinIconSize): string {
  return `icon-${size}.png`;
}

export interface ManifestUrls {
  /** Base URL without trailing slash. */
  base: string;
  /** Host with port (`localhost:3000`), as Teams expects in `validDomains`. */
  host: string;
  taskpanePage: string;
  commandsPage: string;
  commandsScript: string;
  teamsTab: string;
  website: string;
  privacy: string;
  termsOfUse: string;
  icon(size: AddinIconSize): string;
}

/** Every URL the manifest points at, derived from `app.baseUrl` (already normalised, no trailing slash). */
export function manifestUrls(baseUrl: string): ManifestUrls {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    base,
    host: new URL(base).host,
    taskpanePage: `${base}/addin/taskpane.html`,
    commandsPage: `${base}/addin/commands.html`,
    commandsScript: `${base}/addin/commands.js`,
    teamsTab: `${base}/teams-app/tab.html`,
    website: `${base}/`,
    privacy: `${base}/privacy.html`,
    termsOfUse: `${base}/terms.html`,
    icon: (size) => `${base}/assets/${addinIconFileName(size)}`,
  };
}
