// The task pane's start: a build entry of its own, evaluated before the views' code (taskpaneEntry.tsx
// imports it first, then taskpaneApp.tsx, which takes it over). It imports no React, so the session's
// first requests (token, register, first sync round) go out before that long evaluation, not after it.
import { detectOutlookHost } from '../shared/host/detectOutlookHost.ts';
import { beginPageStart } from '../shared/ui/pageStart.ts';

export const pageStart = beginPageStart({ detectHost: () => detectOutlookHost() });
