// The task pane's entry. The app's code is a module of its own so that a saved start view (see
// shared/ui/boot) is painted before that code runs: evaluating it holds the main thread for a while.
// The build preloads it from the page (scripts/vitePlugins.ts `bootScript`), so nothing waits for the
// network here.
import { afterBootViewPainted } from '../shared/ui/boot/afterBootViewPainted.ts';

afterBootViewPainted()
  .then(() => import('./taskpaneApp.tsx'))
  .then((app) => app.start())
  .catch((error: unknown) => {
    // The app's code did not load: leave the saved picture no longer than this.
    window.__brevladevaktenBoot?.dismiss();
    throw error;
  });
