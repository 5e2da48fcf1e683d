import { describe, expect, it } from 'vitest';
import { autoReplyNow } from './autoReplyNow.ts';
import { toAutoReplyState } from './loadCoverageData.ts';
import { windowRange } from './useWindow.ts';

const NOW = Date.parse('2026-11-18T12:00:00+01:00');

describe('toAutoReplyState', () => {
  it('reads an empty message as off', () => {
    expect(toAutoReplyState({ message: '', scheduledStart: null, scheduledEnd: null })).toEqual({ status: 'disabled', message: '' });
  });
  it('reads a message with a schedule as scheduled', () => {
    expect(toAutoReplyState({ message: 'Borta', scheduledStart: 'a', scheduledEnd: 'b' })).toEqual({ status: 'scheduled', message: 'Borta', start: 'a', end: 'b' });
  });
  it('reads a message without a schedule as always on', () => {
    expect(toAutoReplyState({ message: 'Borta', scheduledStart: null, scheduledEnd: null }).status).toBe('alwaysEnabled');
  });
});

describe('autoReplyNow', () => {
  it('gives the reply as plain text, never as markup', () => {
    const now = autoReplyNow({ status: 'alwaysEnabled', message: '<p>Hej! <b>Ring</b> <script>alert(1)</script>v&auml;xeln</p>' }, NOW);
    expect(now).toEqual({ kind: 'on', text: 'Hej! Ring växeln', until: null });
  });
  it('tells a reply scheduled to start later from one on now', () => {
    const later = autoReplyNow({ status: 'scheduled', message: 'x', start: '2026-11-23T00:00:00+01:00', end: '2026-11-25T00:00:00+01:00' }, NOW);
    expect(later.kind).toBe('scheduled');
    const on = autoReplyNow({ status: 'scheduled', message: 'x', start: '2026-11-17T00:00:00+01:00', end: '2026-11-25T00:00:00+01:00' }, NOW);
    expect(on).toMatchObject({ kind: 'on', until: '2026-11-25T00:00:00+01:00' });
  });
  it('treats a schedule that has ended as off, and a missing state as unknown', () => {
    expect(autoReplyNow({ status: 'scheduled', message: 'x', end: '2026-11-01T00:00:00+01:00' }, NOW).kind).toBe('off');
    expect(autoReplyNow(undefined, NOW).kind).toBe('unknown');
  });
});

describe('windowRange', () => {
  it('renders the rows in view and a few around them', () => {
    expect(windowRange(500, 40, 4000, 400, 5)).toEqual({ start: 95, end: 115, before: 3800, after: 385 * 40 });
  });
  it('renders everything when the list is short', () => {
    expect(windowRange(12, 40, 0, 400, 8)).toEqual({ start: 0, end: 12, before: 0, after: 0 });
  });
});
