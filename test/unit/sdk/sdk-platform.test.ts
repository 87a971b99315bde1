import { platformOf } from '../../../sdk';

describe('platformOf', () => {
  it("names Node's process.platform as the API does", () => {
    expect(['win32', 'darwin', 'linux'].map(platformOf)).toEqual(['WIN32', 'DARWIN', 'LINUX']);
  });

  it('refuses the platforms the API has no commands for, rather than answering for Linux', () => {
    for (const other of ['aix', 'freebsd', 'openbsd', 'sunos', 'android', 'WIN32', 'constructor'])
      expect(() => platformOf(other)).toThrow(`not "${other}"`);
  });
});
