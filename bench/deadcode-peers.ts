/** Running knip and fallow for the dead-code comparison, and what in the repository steers them. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { type Measurement, measure } from './measure.js';
import { parseJson } from './steward.js';

export type PeerRun = Measurement & { answer: unknown; notes: string[] };

/**
 * knip and fallow exit 1 when they find something (knip 2 when a config file failed to load): what
 * counts is a JSON report on stdout. knip loads the repository's config files, and what they print
 * lands on stdout before its one-line report, so the last line that is a JSON object counts too.
 */
export async function measureJson(command: string, args: readonly string[], cwd: string): Promise<PeerRun> {
  const run = await measure(command, args, { cwd, keepStderr: true });
  return { ...run, answer: parseJson(run.stdout) ?? lastJsonLine(run.stdout), notes: [] };
}

function lastJsonLine(text: string): unknown {
  const line = text.split('\n').findLast((candidate) => candidate.startsWith('{'));
  return line === undefined ? undefined : parseJson(line);
}

/** Plugins turned off, at most, when knip keeps crashing in one. */
const maxPluginsOff = 3;
const benchConfig = '.knip.bench.json';

/**
 * knip, and when it crashes inside one of its plugins (it calls the repository's config functions,
 * which may expect a real build context), again with that plugin turned off in a copy of the
 * repository's own knip configuration: partial results, and the report says so.
 */
export async function runKnip(binary: string, args: readonly string[], cwd: string): Promise<PeerRun> {
  const off: string[] = [];
  let run = await measureJson(binary, args, cwd);
  for (let plugin = crashedPlugin(run); plugin !== undefined && off.length < maxPluginsOff; plugin = crashedPlugin(run)) {
    const config = knipConfig(cwd);
    if (config === undefined) return { ...run, notes: [`crashed in its ${plugin} plugin; the repository's knip config is code, so no retry without it`] };
    off.push(plugin);
    writeFileSync(join(cwd, benchConfig), JSON.stringify({ ...config, ...Object.fromEntries(off.map((name) => [name, false])) }, null, 2));
    run = await measureJson(binary, [...args, '--config', benchConfig], cwd);
  }
  const notes = [...(off.length > 0 ? [`plugin${off.length > 1 ? 's' : ''} ${off.join(', ')} turned off after knip crashed in ${off.length > 1 ? 'them' : 'it'}`] : []), ...loadErrors(run)];
  return { ...run, notes };
}

/** The plugin a crash's stack trace runs through, when knip printed no report. */
function crashedPlugin(run: PeerRun): string | undefined {
  if (run.answer !== undefined) return undefined;
  return /knip\/dist\/plugins\/([\w-]+)\//.exec(run.stderr ?? '')?.[1];
}

/** "ERROR: Error loading <file> (<why>)": config files knip could not load, so their plugins saw nothing. */
function loadErrors(run: PeerRun): string[] {
  const files = [...(run.stderr ?? '').matchAll(/^ERROR: Error loading (\S+)/gm)].map((match) => match[1]);
  return files.length === 0 ? [] : [`could not load ${files.length} config file${files.length > 1 ? 's' : ''} (${files.join(', ')})`];
}

const knipJsonConfigs = ['knip.json', 'knip.jsonc', '.knip.json', '.knip.jsonc'];
const knipCodeConfigs = ['knip.js', 'knip.ts', 'knip.mjs', 'knip.mts', 'knip.cjs', 'knip.cts', 'knip.config.js', 'knip.config.ts', 'knip.config.mjs', 'knip.config.mts'];

/** The repository's knip configuration as an object ({} when there is none); undefined when it is code. */
function knipConfig(root: string): Record<string, unknown> | undefined {
  const json = knipJsonConfigs.find((file) => existsSync(join(root, file)));
  if (json !== undefined) return objectOr(parse(readFileSync(join(root, json), 'utf8')), {});
  if (knipCodeConfigs.some((file) => existsSync(join(root, file)))) return undefined;
  const manifest = objectOr(parseJson(readFileSync(join(root, 'package.json'), 'utf8')), {});
  return objectOr(manifest.knip, {});
}

function objectOr(value: unknown, fallback: Record<string, unknown>): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fallback;
}

const fallowConfigs = ['.fallowrc.json', '.fallowrc.jsonc', 'fallow.toml', '.fallow.toml'];

/** knip's and fallow's own configuration in the repository: they follow it; Steward reads only a knip JSON config's entries and ignores. */
export function peerConfigs(root: string): string[] {
  const files = [...knipJsonConfigs, ...knipCodeConfigs, ...fallowConfigs].filter((file) => existsSync(join(root, file)));
  const manifest = objectOr(parseJson(readFileSync(join(root, 'package.json'), 'utf8')), {});
  return [...files, ...(manifest.knip === undefined ? [] : ['package.json#knip']), ...(manifest.fallow === undefined ? [] : ['package.json#fallow'])];
}
