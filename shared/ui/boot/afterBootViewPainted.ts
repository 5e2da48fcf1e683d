/**
 * Resolves once the boot script has decided about a saved start view and, if it put one up, that view
 * has been painted (the frame after it was added). The app's code is evaluated after it, so the picture
 * is on screen while that long task runs instead of after it.
 */
export async function afterBootViewPainted(
  win: Pick<Window, 'requestAnimationFrame' | 'setTimeout' | '__brevladevaktenBoot'> = window,
): Promise<void> {
  const boot = win.__brevladevaktenBoot;
  if (!boot) return;
  await boot.decided;
  if (!boot.shown) return;
  // requestAnimationFrame runs just before the frame is painted; a task queued from it runs after.
  await new Promise((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
}
