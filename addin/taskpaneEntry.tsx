import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { detectOutlookHost } from '../shared/host/detectOutlookHost.ts';
import { startApp, useHost } from '../shared/ui/index.ts';
import { OutlookProvider } from './outlook/OutlookContext.tsx';
import { realOffice } from './outlook/OutlookHostApi.ts';
import { TaskPane } from './TaskPane.tsx';

// Outside Outlook only: the demo harness, loaded on demand so it is not in the task pane's initial JS.
// The import starts as soon as the host is known, alongside configuration and sign-in (and without
// React.lazy, whose Suspense reveal is throttled).
let harness: Promise<ComponentType> | null = null;
const loadHarness = () => (harness ??= import('./harness/HarnessView.tsx').then((module) => module.default));

function Harness() {
  const { t } = useTranslation();
  const [View, setView] = useState<ComponentType | null>(null);
  useEffect(() => {
    let current = true;
    void loadHarness().then((component) => current && setView(() => component));
    return () => {
      current = false;
    };
  }, []);
  return View ? <View /> : <Spinner label={t('app.loading')} />;
}

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

void startApp({
  container: document.getElementById('root') as HTMLElement,
  detectHost: async () => {
    const host = await detectOutlookHost();
    if (host.kind !== 'outlook') void loadHarness();
    return host;
  },
  View: Root,
});
