import { describe, expect, it } from 'vitest';
import { handledReason } from './handledReason.ts';

const categories = ['Hanterad', 'Diarieförd'];

describe('handledReason', () => {
  it('treats a read but otherwise untouched message as unhandled', () => {
    expect(handledReason({ flagStatus: 'notFlagged', categories: [] }, categories)).toBeNull();
  });

  it('treats a flagged but not completed message as unhandled', () => {
    expect(handledReason({ flagStatus: 'flagged', categories: ['Viktigt'] }, categories)).toBeNull();
  });

  it('recognises reply, reply all and forward from the last verb executed', () => {
    expect(handledReason({ lastVerbExecuted: 102 }, categories)).toBe('replied');
    expect(handledReason({ lastVerbExecuted: 103 }, categories)).toBe('replied');
    expect(handledReason({ lastVerbExecuted: 104 }, categories)).toBe('forwarded');
    expect(handledReason({ lastVerbExecuted: 0 }, categories)).toBeNull();
  });

  it('recognises a completed flag', () => {
    expect(handledReason({ flagStatus: 'complete' }, categories)).toBe('flagComplete');
  });

  it('recognises the organisation’s handled categories regardless of letter case', () => {
    expect(handledReason({ categories: ['diarieförd'] }, categories)).toBe('category');
    expect(handledReason({ categories: ['Hanterad'] }, ['Klar'])).toBeNull();
  });

  it('treats a message that left the Inbox as handled', () => {
    expect(handledReason({ removedFromInbox: true }, categories)).toBe('removed');
  });
});
