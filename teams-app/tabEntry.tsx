import { detectTeamsHost } from '../shared/host/detectTeamsHost.ts';
import { beginPageStart } from '../shared/ui/pageStart.ts';
import { startApp } from '../shared/ui/index.ts';
import { Tab } from './Tab.tsx';

void startApp({
  container: document.getElementById('root') as HTMLElement,
  start: beginPageStart({ detectHost: () => detectTeamsHost() }),
  View: Tab,
});
