import { detectOutlookHost } from '../shared/host/detectOutlookHost.ts';
import { startApp } from '../shared/ui/index.ts';
import { TaskPane } from './TaskPane.tsx';

void startApp({
  container: document.getElementById('root') as HTMLElement,
  detectHost: () => detectOutlookHost(),
  View: TaskPane,
});
