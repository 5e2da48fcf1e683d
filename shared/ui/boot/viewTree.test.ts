// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildTree, captureStyles, captureTree, classesOf } from './viewTree.ts';
import type { ViewNode } from './viewTree.ts';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** Builds a view the way React does: DOM calls, text as text. */
function rendered(): HTMLElement {
  const root = document.createElement('div');
  const item = document.createElement('li');
  item.className = 'fa fb';
  item.id = 'queue-item-1';
  item.setAttribute('data-testid', 'queue-item');
  item.setAttribute('aria-labelledby', 'h1');
  item.setAttribute('style', 'font-size: 16px;');
  item.textContent = '<img src=x onerror=alert(1)> & "Bygglov" ';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M1 1h18');
  svg.appendChild(path);
  item.appendChild(svg);
  const select = document.createElement('select');
  for (const value of ['a', 'b']) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value.toUpperCase();
    select.appendChild(option);
  }
  select.value = 'b';
  root.append(item, select);
  return root;
}

describe('captureTree and buildTree', () => {
  it('round-trips elements, text, attributes and SVG; user text stays text', () => {
    const tree = captureTree(rendered());
    const target = document.createElement('div');
    buildTree(target, JSON.parse(JSON.stringify(tree)) as ViewNode[], document);
    const item = target.querySelector('li') as HTMLElement;
    expect(item.textContent).toContain('<img src=x onerror=alert(1)> & "Bygglov"');
    expect(target.querySelector('img')).toBeNull();
    expect(item.className).toBe('fa fb');
    expect(item.getAttribute('aria-labelledby')).toBe('h1');
    expect(item.getAttribute('style')).toBe('font-size: 16px;');
    expect(target.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(target.querySelector('path')?.getAttribute('d')).toBe('M1 1h18');
    expect(target.querySelectorAll('option')).toHaveLength(2);
  });

  it('gives the copy no ids and renames its test ids, so it never clashes with the live app', () => {
    const target = document.createElement('div');
    buildTree(target, captureTree(rendered()), document);
    expect(target.querySelector('[id]')).toBeNull();
    expect(target.querySelector('[data-testid]')).toBeNull();
    expect(target.querySelector('[data-boot-testid="queue-item"]')).not.toBeNull();
  });

  it('leaves out scripts, event handlers and URLs when capturing', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<button onclick="alert(1)" class="b">Öppna</button><script>alert(2)</script><a href="javascript:alert(3)">x</a><img src="x" onerror="alert(4)"><iframe srcdoc="<b>"></iframe>';
    const json = JSON.stringify(captureTree(root));
    expect(json).not.toMatch(/alert|onclick|onerror|href|src|script|iframe/);
    expect(json).toContain('Öppna');
  });

  it('refuses the same in a tampered record when building', () => {
    const tampered = [
      ['script', {}, ['alert(1)']],
      ['div', { onclick: 'alert(2)', class: 'ok', 'bad name': 'x' }, ['text']],
      ['iframe', { srcdoc: '<script>alert(3)</script>' }, []],
      ['svg', { onload: 'alert(4)' }, [['use', { 'xlink:href': 'data:x', href: 'data:y' }, [], 1], ['path', { d: 'M0 0', href: 'x' }, [], 1]], 1],
      ['a', { href: 'javascript:alert(5)' }, ['link']],
      42,
      ['span', null, null],
    ] as unknown as ViewNode[];
    const target = document.createElement('div');
    buildTree(target, tampered, document);
    expect(target.innerHTML).toBe('<div class="ok">text</div><svg><path d="M0 0"></path></svg><span></span>');
  });
});

describe('captureStyles', () => {
  it('keeps the rules the tree can use (and at-rules), drops the rest and the boot view’s own sheet', () => {
    const style = document.createElement('style');
    style.textContent =
      '.fa{color:red}.fz{color:blue}.fb:hover{color:green}body{margin:0}@media (forced-colors: active){.fa{color:CanvasText}.fz{color:x}}@media print{.fz{display:none}}@keyframes spin{from{opacity:0}to{opacity:1}}';
    const boot = document.createElement('style');
    boot.setAttribute('data-boot-view', '');
    boot.textContent = '.fa{color:purple}';
    document.head.append(style, boot);
    const css = captureStyles(document, classesOf(captureTree(rendered())));
    expect(css).toContain('.fa { color: red; }');
    expect(css).toContain('.fb:hover');
    expect(css).toContain('body');
    expect(css).toMatch(/@media \(forced-colors: active\)\s*\{\.fa/);
    expect(css).toContain('@keyframes spin');
    expect(css).not.toContain('.fz');
    expect(css).not.toContain('@media print');
    expect(css).not.toContain('purple');
  });
});

describe('captureTree below the fold', () => {
  it('leaves out elements laid out entirely below the line, keeps those above or crossing it', () => {
    const root = document.createElement('ul');
    const tops = [0, 500, 990, 1100];
    for (const top of tops) {
      const li = document.createElement('li');
      li.textContent = `at ${top}`;
      li.getBoundingClientRect = () => ({ top, height: 40, bottom: top + 40 }) as DOMRect;
      root.appendChild(li);
    }
    // jsdom lays nothing out (height 0): without boxes, everything is kept.
    const hidden = document.createElement('li');
    hidden.textContent = 'unmeasured';
    root.appendChild(hidden);
    const texts = (captureTree(root, 1000) as Array<[string, object, string[]]>).map((node) => node[2][0]);
    expect(texts).toEqual(['at 0', 'at 500', 'at 990', 'unmeasured']);
    expect(captureTree(root)).toHaveLength(5);
  });
});
