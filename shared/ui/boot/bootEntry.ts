// The inline <head> script's entry (an IIFE, built by scripts/vitePlugins.ts `bootScript`).
import { boot } from './bootScript.ts';

try {
  boot(window);
} catch {
  // Whatever went wrong, the app starts as it would without the head start.
}
