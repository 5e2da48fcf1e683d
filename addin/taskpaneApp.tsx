import { startApp, useHost } from '../shared/ui/index.ts';
import { lazyComponent } from '../shared/ui/lazyComponent.tsx';
import { Loading } from '../shared/ui/Loading.tsx';
import { OutlookProvider } from './outlook/OutlookContext.tsx';
import { realOffice } from './outlook/OutlookHostApi.ts';
import { TaskPane } from './TaskPane.tsx';
import { pageStart } from './taskpaneStart.ts';

// Outside Outlook only: the demo harness, loaded on demand so it is not in the task pane's initial JS.
// Its import starts as soon as the host is known, alongside configuration and sign-in.
const Harness = lazyComponent(
  () => import('./harness/HarnessView.tsx').then((module) => module.default),
  Loading,
);

function Root() {
  const host = useHost();
  if (host.kind === 'outlook') {
    return (
      <OutlookProvider value={realOffice()}>
        <TaskPane />
      </OutlookProvider>
    );
  }
  return <Harness />;
}

// A failure here surfaces when the harness renders (and retries the import then).
pageStart.host.then(
  (host) => void (host.kind !== 'outlook' && Harness.preload().catch(() => undefined)),
  () => undefined,
);

// Evaluating this module starts the task pane's views (taskpaneEntry.tsx imports it once the page's
// start is under way; it is a build entry of its own, so its top-level code is always kept).
void startApp({ container: document.getElementById('root') as HTMLElement, start: pageStart, View: Root });
