import { detectTeamsHost } from '../shared/host/detectTeamsHost.ts';
import { startApp } from '../shared/ui/index.ts';
import { Tab } from './Tab.tsx';

void startApp({
  container: document.getElementById('root') as HTMLElement,
  detectHost: () => detectTeamsHost(),
  View: Tab,
});
