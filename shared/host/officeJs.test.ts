// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectOutlookHost } from './detectOutlookHost.ts';
import { loadOfficeJs, officeJsMetaName, officeJsUrl, writeOfficeJs } from './officeJs.ts';

const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const scope = window as { Office?: unknown };

function nameOfficeJs(url: string) {
  const meta = document.createElement('meta');
  meta.name = officeJsMetaName;
  meta.content = url;
  document.head.appendChild(meta);
}

/** A framed page, as Outlook on the web hosts add-ins. */
const framed = () => vi.spyOn(window, 'parent', 'get').mockReturnValue({} as Window);

const outlook = {
  onReady: () => Promise.resolve({ host: 'Outlook' }),
  HostType: { Outlook: 'Outlook' },
  context: { displayLanguage: 'fi-FI', requirements: { isSetSupported: () => true } },
};

const addedScripts = () => [...document.head.querySelectorAll('script')];

beforeEach(() => {
  document.head.innerHTML = '';
});
afterEach(() => {
  delete scope.Office;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('writeOfficeJs (the inline head script)', () => {
  it('writes no Office.js into a plain browser tab: the demo harness has no Office host', () => {
    nameOfficeJs(cdn);
    const write = vi.spyOn(document, 'write').mockImplementation(() => undefined);
    expect(writeOfficeJs(window)).toBe(false);
    expect(write).not.toHaveBeenCalled();
  });

  it('writes a parser-blocking <script> for the named URL wherever an Office host may be', () => {
    nameOfficeJs(cdn);
    framed();
    const write = vi.spyOn(document, 'write').mockImplementation(() => undefined);
    expect(writeOfficeJs(window)).toBe(true);
    expect(write).toHaveBeenCalledWith(`<script src="${cdn}"></script>`);
  });

  it('escapes the URL for the attribute', () => {
    nameOfficeJs('/office-js/office.js?a=1&b="><img src=x>');
    framed();
    const write = vi.spyOn(document, 'write').mockImplementation(() => undefined);
    writeOfficeJs(window);
    expect(write).toHaveBeenCalledWith('<script src="/office-js/office.js?a=1&#38;b=&#34;&#62;&#60;img src=x&#62;"></script>');
  });

  it('writes nothing on a page that names no Office.js, or when Office.js is already there', () => {
    framed();
    const write = vi.spyOn(document, 'write').mockImplementation(() => undefined);
    expect(writeOfficeJs(window)).toBe(false);
    nameOfficeJs(cdn);
    scope.Office = outlook;
    expect(writeOfficeJs(window)).toBe(false);
    expect(write).not.toHaveBeenCalled();
  });

  it('reads the URL from the page', () => {
    expect(officeJsUrl(document)).toBeNull();
    nameOfficeJs('/office-js/office.js');
    expect(officeJsUrl(document)).toBe('/office-js/office.js');
  });
});

describe('loadOfficeJs (when the head script did not)', () => {
  it('adds the script to the head and resolves once it has run', async () => {
    const loaded = loadOfficeJs(document, cdn, 5000);
    const [script] = addedScripts();
    expect(script?.src).toBe(cdn);
    scope.Office = outlook;
    script?.dispatchEvent(new Event('load'));
    await expect(loaded).resolves.toBe(true);
  });

  it('resolves false when the script fails or never arrives', async () => {
    vi.useFakeTimers();
    const failed = loadOfficeJs(document, cdn, 5000);
    addedScripts()[0]?.dispatchEvent(new Event('error'));
    await expect(failed).resolves.toBe(false);
    const hanging = loadOfficeJs(document, cdn, 5000);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(hanging).resolves.toBe(false);
  });

  it('adds nothing when Office.js has run', async () => {
    scope.Office = outlook;
    await expect(loadOfficeJs(document, cdn, 5000)).resolves.toBe(true);
    expect(addedScripts()).toHaveLength(0);
  });
});

describe('detectOutlookHost', () => {
  it('in a plain browser tab, is the standalone demo at once, with no Office.js loaded', async () => {
    nameOfficeJs(cdn);
    await expect(detectOutlookHost()).resolves.toMatchObject({ kind: 'standalone' });
    expect(addedScripts()).toHaveLength(0);
  });

  it('where a host may be and the head script loaded no Office.js, loads it and asks Office', async () => {
    nameOfficeJs(cdn);
    framed();
    const host = detectOutlookHost();
    await vi.waitFor(() => expect(addedScripts()).toHaveLength(1));
    expect(addedScripts()[0]?.src).toBe(cdn);
    scope.Office = outlook;
    addedScripts()[0]?.dispatchEvent(new Event('load'));
    await expect(host).resolves.toMatchObject({ kind: 'outlook', locale: 'fi-FI', supportsNestedAppAuth: true });
  });

  it('falls back to the standalone demo when Office.js cannot be loaded', async () => {
    nameOfficeJs(cdn);
    framed();
    const host = detectOutlookHost();
    await vi.waitFor(() => expect(addedScripts()).toHaveLength(1));
    addedScripts()[0]?.dispatchEvent(new Event('error'));
    await expect(host).resolves.toMatchObject({ kind: 'standalone' });
  });
});
