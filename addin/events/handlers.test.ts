import { describe, expect, it, vi } from 'vitest';
import { ADDIN_ACTION_IDS } from '../../manifest/index.ts';
import { eventHandlers } from './handlers.ts';

describe('event handlers', () => {
  it('registers exactly the handler ids the manifest declares', () => {
    expect(Object.keys(eventHandlers).sort()).toEqual(Object.values(ADDIN_ACTION_IDS).filter((id) => id.endsWith('Handler')).sort());
  });

  it.each(Object.entries(eventHandlers))('%s completes its event so Outlook never waits on it', (_, handler) => {
    const completed = vi.fn();
    handler({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('lets a message be sent', () => {
    const completed = vi.fn();
    eventHandlers.onMessageSendHandler({ completed });
    expect(completed).toHaveBeenCalledWith({ allowEvent: true });
  });
});
