/** Reading a tool's command-line arguments as its own parser would, without running it. */

/** `--flag=value` → [`--flag`, `value`]; anything else stays whole. */
export function splitOption(arg: string): [flag: string, inline: string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('-') && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

/**
 * The arguments of a command, read with the tool's options that take a value: the positional words
 * (files, folders, globs) and each option's values.
 */
export function readArgs(args: readonly string[], valueFlags: readonly string[]): { positional: string[]; options: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitOption(args[index]!);
    if (flag === '--') {
      positional.push(...args.slice(index + 1));
      break;
    }
    if (!flag.startsWith('-') || flag === '-') {
      positional.push(flag);
      continue;
    }
    const value = inline ?? (valueFlags.includes(flag) ? args[++index] : undefined);
    options.set(flag, [...(options.get(flag) ?? []), ...(value === undefined ? [] : [value])]);
  }
  return { positional, options };
}

/** The values given to any of `flags`. */
export function optionValues(options: ReadonlyMap<string, readonly string[]>, flags: readonly string[]): string[] {
  return flags.flatMap((flag) => options.get(flag) ?? []);
}

/** The options most tools take their config from. */
export const defaultConfigFlags: readonly string[] = ['-c', '--config', '--config-dir'];

/** The value of one of `flags`, when it is a path (jest also accepts inline JSON, rollup a bare `-c`). */
export function configFlagValue(args: readonly string[], flags: readonly string[] = defaultConfigFlags): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitOption(args[index]!);
    if (!flags.includes(flag)) continue;
    const value = inline ?? args[index + 1];
    return value === undefined || value.startsWith('-') || value.startsWith('{') ? undefined : value;
  }
  return undefined;
}

/** Flags whose value a runtime loads as a module before the script (`node -r dotenv/config`, `--import=tsx`). */
export const preloadFlags: ReadonlySet<string> = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
