import { InvalidArgumentError } from 'commander';

/** Commander parser for counts and seeds: a whole number ≥ 0, or a clear usage error. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return number;
}
