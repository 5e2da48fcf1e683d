import { describe, expect, it } from 'vitest';
import { locate, matchRoute, parseMount, pathSegments } from './router.ts';

describe('pathSegments', () => {
  it('decodes segments and expands OData key syntax', () => {
    expect(pathSegments("/users/a%40b.se/mailFolders('Inbox')/messages")).toEqual([
      'users',
      'a@b.se',
      'mailFolders',
      'Inbox',
      'messages',
    ]);
  });

  it('reads a function call without arguments as the function name', () => {
    expect(pathSegments("/me/mailFolders('Inbox')/messages/delta()")).toEqual([
      'me',
      'mailFolders',
      'Inbox',
      'messages',
      'delta',
    ]);
  });

  it('keeps commas in SharePoint site ids and unescapes doubled quotes', () => {
    expect(pathSegments('/sites/host,1,2/lists/x')).toEqual(['sites', 'host,1,2', 'lists', 'x']);
    expect(pathSegments("/users('o''neil@x.se')")).toEqual(['users', "o'neil@x.se"]);
  });
});

describe('matchRoute', () => {
  const route = { path: '/users/{userId}/mailFolders/{folderId}/messages' };

  it('matches literal segments case-insensitively and returns the parameters', () => {
    expect(matchRoute(route, ['Users', 'x@y.se', 'MAILFOLDERS', 'inbox', 'Messages'])).toEqual({
      userId: 'x@y.se',
      folderId: 'inbox',
    });
  });

  it('answers /me/… with the /users/{userId}/… route', () => {
    expect(matchRoute(route, ['me', 'mailFolders', 'inbox', 'messages'])).toEqual({
      folderId: 'inbox',
      viaMe: '1',
    });
    expect(matchRoute({ path: '/users/{userId}' }, ['me'])).toEqual({ viaMe: '1' });
  });

  it('does not match a longer or shorter path', () => {
    expect(matchRoute(route, ['users', 'x', 'mailFolders', 'inbox'])).toBeNull();
    expect(matchRoute(route, ['users', 'x', 'mailFolders', 'inbox', 'messages', 'y'])).toBeNull();
  });
});

describe('locate', () => {
  it('restricts an absolute base URL to its origin', () => {
    const mount = parseMount('http://localhost:4000/v1.0');
    expect(locate(mount, new URL('http://localhost:4000/v1.0/me'))).toEqual({
      scope: 'service',
      segments: ['me'],
    });
    expect(locate(mount, new URL('http://127.0.0.1:4000/v1.0/me'))).toBeNull();
  });

  it('lets a path-only base URL answer on any origin, with the demo endpoints beside it', () => {
    const mount = parseMount('/v1.0');
    expect(locate(mount, new URL('http://127.0.0.1:5555/v1.0/users'))?.scope).toBe('service');
    expect(locate(mount, new URL('http://127.0.0.1:5555/demo/token'))).toEqual({
      scope: 'origin',
      segments: ['demo', 'token'],
    });
  });
});
