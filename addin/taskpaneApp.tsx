import { detectOutlookHost } from '../shared/host/detectOutlookHost.ts';
import { startApp, useHost } from '../shared/ui/index.ts';
import { lazyComponent } from '../shared/ui/lazyComponent.tsx';
import { Loading } from '../shared/ui/Loading.tsx';
import { OutlookProvider } from './outlook/OutlookContext.tsx';
import { realOffice } from './outlook/OutlookHostApi.ts';
import { TaskPane } from './TaskPane.tsx';

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

// Evaluating this module starts the task pane (taskpaneEntry.tsx imports it; it is a build entry of its
// own, so its top-level code is always kept).
void startApp({
  container: document.getElementById('root') as HTMLElement,
  detectHost: async () => {
    const host = await detectOutlookHost();
    // A failure here surfaces when the harness renders (and retries the import then).
    if (host.kind !== 'outlook') Harness.preload().catch(() => undefined);
    return host;
  },
  View: Root,
});
