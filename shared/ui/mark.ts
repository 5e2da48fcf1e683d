/** User Timing marks (`bv:host`, `bv:config`, `bv:session` …) for the start-up benchmark and DevTools. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(`bv:${name}`);
}
