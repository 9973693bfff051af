import { describe, expect, it } from 'vitest';
import { absoluteSearchPath, gitEnvironment } from '../../core/git/git-environment.js';
import { commandEnvironment } from '../../core/drafts/package-manager.js';

describe('absoluteSearchPath', () => {
  it('keeps the absolute folders, in order, and drops every folder a repository could hold (relative or empty, which means the current one)', () => {
    expect(absoluteSearchPath('.:bin:/usr/local/bin::node_modules/.bin:/usr/bin:./x:')).toBe('/usr/local/bin:/usr/bin');
    expect(absoluteSearchPath(undefined)).toBe('');
  });

  it('is the search path of git and of every command a draft runs', () => {
    for (const path of [gitEnvironment['PATH'], commandEnvironment(false)['PATH'], commandEnvironment(true)['PATH']]) {
      expect(path?.split(':').every((folder) => folder.startsWith('/'))).toBe(true);
    }
  });
});
