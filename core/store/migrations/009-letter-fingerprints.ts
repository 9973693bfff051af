import { fingerprintLetters } from '../../api/inventory.js';

const hexDigits = '0123456789abcdef';

/** Every hex digit of `column` replaced by its fingerprint letter, in capitals (so no step re-replaces another's output). */
function lettersInCapitals(column: string): string {
  return [...hexDigits].reduce((expression, digit, value) => `replace(${expression}, '${digit}', '${fingerprintLetters[value]!.toUpperCase()}')`, column);
}

export const letterFingerprints = {
  version: 9,
  name: 'fingerprints written in letters, so spreadsheets keep them as text',
  sql: /* sql */ `
    -- The same 64 bits, one letter per hex digit: every item keeps its identity. Capitals first, so a
    -- converted fingerprint never meets one still in hex under the UNIQUE constraint.
    UPDATE debt_items SET fingerprint = ${lettersInCapitals('fingerprint')};
    UPDATE debt_items SET fingerprint = lower(fingerprint);
  `,
};
