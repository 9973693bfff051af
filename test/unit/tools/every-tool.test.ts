import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../analyzers/deadcode/tools/registry.js';

/** `runtimeTests` → `runtime-tests`: the fixture file of a registry entry. */
const fixtureOf = (tool: string): string => `${tool.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.test.ts`;

describe('the tool registry', () => {
  it('has a fixture with exact expected entries for every tool', () => {
    const missing = Object.keys(registry).filter((tool) => !existsSync(new URL(fixtureOf(tool), import.meta.url)));
    expect(missing).toEqual([]);
  });
});
