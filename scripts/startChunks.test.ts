import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { startChunkName, startModules } from './startChunks.ts';

function chunk(fileName: string, moduleIds: string[], imports: string[] = [], entry: Partial<Rollup.OutputChunk> = {}): Rollup.OutputChunk {
  return { type: 'chunk', fileName, moduleIds, imports, isEntry: false, isDynamicEntry: false, facadeModuleId: null, ...entry } as Rollup.OutputChunk;
}

const entries = {
  taskpane: ['addin/taskpane.html', 'addin/taskpaneStart.ts', 'addin/taskpaneApp.tsx'],
  teams: ['teams-app/tab.html'],
  session: ['addin/taskpaneStart.ts'],
};

// A first pass as automatic splitting leaves it: entries, shared chunks, and a lazily loaded view.
const chunks = [
  chunk('taskpane.js', ['/app/addin/taskpaneEntry.tsx'], [], { isEntry: true, facadeModuleId: '/app/addin/taskpane.html' }),
  chunk('taskpaneStart.js', ['/app/addin/taskpaneStart.ts'], ['Session.js'], { isEntry: true, facadeModuleId: '/app/addin/taskpaneStart.ts' }),
  chunk('taskpaneApp.js', ['/app/addin/taskpaneApp.tsx'], ['taskpaneStart.js', 'Tabs.js', 'Queue.js'], { isEntry: true, facadeModuleId: '/app/addin/taskpaneApp.tsx' }),
  chunk('Session.js', ['/app/shared/ui/pageStart.ts', '/app/shared/graph/sync.ts']),
  chunk('tab.js', ['/app/teams-app/tabEntry.tsx'], ['Session.js', 'Tabs.js', 'Grid.js'], { isEntry: true, facadeModuleId: '/app/teams-app/tab.html' }),
  chunk('Tabs.js', ['/app/shared/ui/Tabs.tsx', '/nm/button.js'], ['Icons.js']),
  chunk('Icons.js', ['/nm/icons.js']),
  chunk('Queue.js', ['/app/addin/QueueView.tsx']),
  chunk('Grid.js', ['/app/teams-app/CoverageGrid.tsx']),
  chunk('Harness.js', ['/app/addin/harness/HarnessView.tsx'], ['Tabs.js'], { isDynamicEntry: true, facadeModuleId: '/app/addin/harness/HarnessView.tsx' }),
];

describe('startModules', () => {
  it('collects, per page, the modules of the shared chunks its entries import statically, transitively', () => {
    const found = startModules(chunks, entries);
    const session = ['/app/shared/graph/sync.ts', '/app/shared/ui/pageStart.ts'];
    expect([...found.taskpane].sort()).toEqual(['/app/addin/QueueView.tsx', ...session, '/app/shared/ui/Tabs.tsx', '/nm/button.js', '/nm/icons.js'].sort());
    expect([...found.teams].sort()).toEqual([...session, '/app/shared/ui/Tabs.tsx', '/app/teams-app/CoverageGrid.tsx', '/nm/button.js', '/nm/icons.js'].sort());
    expect([...found.session].sort()).toEqual(session);
  });

  it('leaves entries (the page’s small entry stays its own file) and lazily loaded views alone', () => {
    const found = startModules(chunks, entries);
    for (const id of ['/app/addin/taskpaneEntry.tsx', '/app/addin/taskpaneStart.ts', '/app/addin/taskpaneApp.tsx', '/app/addin/harness/HarnessView.tsx']) {
      expect(found.taskpane.has(id) || found.teams.has(id) || found.session.has(id)).toBe(false);
    }
  });

  it('fails by name when an entry is not in the build', () => {
    expect(() => startModules(chunks, { ...entries, teams: ['teams-app/missing.html'] })).toThrow(/teams-app\/missing\.html/);
  });
});

describe('startChunkName', () => {
  it('groups the session’s start, what both starts load, what one does, and leaves the rest to automatic splitting', () => {
    const found = startModules(chunks, entries);
    const name = startChunkName(() => found);
    const ctx = { getModuleInfo: () => null };
    // Loaded by both pages too, but evaluated before the views' code: a file of its own, not start-shared.
    expect(name('/app/shared/ui/pageStart.ts', ctx)).toBe('start-session');
    expect(name('/app/shared/ui/Tabs.tsx', ctx)).toBe('start-shared');
    expect(name('/app/addin/QueueView.tsx', ctx)).toBe('start-taskpane');
    expect(name('/app/teams-app/CoverageGrid.tsx', ctx)).toBe('start-teams');
    expect(name('/app/addin/harness/HarnessView.tsx', ctx)).toBeNull();
  });

  it('names nothing before the first pass has run (the dev server, the first pass itself)', () => {
    expect(startChunkName(() => null)('/app/shared/ui/Tabs.tsx', { getModuleInfo: () => null })).toBeNull();
  });
});
