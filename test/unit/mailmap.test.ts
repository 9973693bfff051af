import { describe, expect, it } from 'vitest';
import { mapAuthor, parseMailmap } from '../../analyzers/identities/mailmap.js';

/** The examples of git's gitmailmap(5), with what `git log --format=%aN <%aE>` prints for each. */
const mailmap = parseMailmap(
  [
    '# A comment line, and a blank one',
    '',
    'Joe Developer <joe@example.com>',
    '<jane@example.com> <jane@desktop.(none)>',
    'Jane Doe <jane@example.com> <jane@laptop.(none)>',
    'Other Author <other@author.xx> nick1 <bugs@company.xx>',
    'Santa Claus <santa.claus@northpole.xx> <me@company.xx>',
    'Some Dude <some@dude.xx>         nick1 <bugs@company.xx>',
    'Other Author <other@author.xx>   nick2 <bugs@company.xx>',
    'Other Author <other@author.xx>         <nick2@company.xx>\r',
  ].join('\n'),
);

const map = (name: string, email: string): string => {
  const mapped = mapAuthor(mailmap, { name, email });
  return `${mapped.name} <${mapped.email}>`;
};

describe('.mailmap as git reads it', () => {
  it('replaces the name for an email, keeping the email', () => {
    expect(map('joe', 'joe@example.com')).toBe('Joe Developer <joe@example.com>');
  });

  it('replaces the email alone, or name and email, for an email', () => {
    expect(map('Jane', 'jane@desktop.(none)')).toBe('Jane <jane@example.com>');
    expect(map('jane', 'jane@laptop.(none)')).toBe('Jane Doe <jane@example.com>');
    expect(map('Anyone', 'me@company.xx')).toBe('Santa Claus <santa.claus@northpole.xx>');
  });

  it('tells apart two people behind one email by their commit names; a later line wins', () => {
    expect(map('nick1', 'bugs@company.xx')).toBe('Some Dude <some@dude.xx>');
    expect(map('nick2', 'bugs@company.xx')).toBe('Other Author <other@author.xx>');
    // No line for this name and no email-only line for the address: unchanged.
    expect(map('nick3', 'bugs@company.xx')).toBe('nick3 <bugs@company.xx>');
  });

  it('matches names and emails without regard to ASCII case, and ignores a CR at the end of a line', () => {
    expect(map('NICK1', 'Bugs@Company.XX')).toBe('Some Dude <some@dude.xx>');
    expect(map('n2', 'NICK2@company.xx')).toBe('Other Author <other@author.xx>');
  });

  it('leaves authors no line names, and skips lines git would not read', () => {
    const odd = parseMailmap('Broken <unterminated\n<> <empty@example.com>\n# Joe <x@y>\nName Only\n');
    expect(mapAuthor(odd, { name: 'Empty', email: 'empty@example.com' })).toEqual({ name: 'Empty', email: 'empty@example.com' });
    expect(mapAuthor(odd, { name: 'x', email: 'x@y' })).toEqual({ name: 'x', email: 'x@y' });
    expect(odd.entries.size).toBe(0);
  });

  it('adds to an email-only line what a later one gives, keeping what it does not', () => {
    const twoLines = parseMailmap('Proper Name <a@example.com>\n<proper@example.com> <a@example.com>\n');
    expect(mapAuthor(twoLines, { name: 'a', email: 'A@example.com' })).toEqual({ name: 'Proper Name', email: 'proper@example.com' });
  });
});
