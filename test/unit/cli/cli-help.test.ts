import type { Command } from 'commander';
import { buildProgram } from '../../../cli/src/program';

/** Every command a user can run, with its full name. */
function leaves(command: Command, prefix = ''): [string, Command][] {
  const name = `${prefix} ${command.name()}`.trim();
  return command.commands.length ? command.commands.flatMap((sub) => leaves(sub, name)) : [[name, command]];
}

function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

describe('msp --help', () => {
  it.each(leaves(buildProgram()))('%s says what it does and shows an example', (_name, command) => {
    expect(command.description().length).toBeGreaterThan(10);
    expect(helpOf(command)).toMatch(/Example:\n {2}.*\bmsp /);
  });
});
