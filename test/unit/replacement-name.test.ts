import { describe, expect, it } from 'vitest';
import { replacementName } from '../../analyzers/drafts/replacement-name.js';

describe('replacementName', () => {
  it('finds the name a deprecation message gives', () => {
    expect(['Use `total` instead.', 'use parseUrl() instead', 'Renamed to createStore.', 'Replaced by {@link fetchAll}', 'Superseded by `loadV2`', 'Deprecated: prefer readFile.'].map(replacementName)).toEqual(['total', 'parseUrl', 'createStore', 'fetchAll', 'loadV2', 'readFile']);
  });

  it('finds none where the message names no plain function', () => {
    expect(['It will go in the next major.', 'Use the options object instead.', 'use Foo.bar instead', ''].map(replacementName)).toEqual([null, null, null, null]);
  });
});
