import { Command } from 'commander';
import { authCommands } from './commands/auth';
import { initCommand } from './commands/init';
import { knowledgeCommands, reportCommand } from './commands/knowledge';
import { logCommands } from './commands/log';
import { mcpCommand } from './commands/mcp';
import { credentialCommands, syncCommand, taskCommands } from './commands/records';
import { machineCommands, sessionCommands } from './commands/session';
import { webhookCommands } from './commands/webhook';
import { ticketCommands } from './commands/ticket';

/** `msp`: the technician's and the agent's way into msp-tracker, through the SDK only. */
export function buildProgram(): Command {
  const msp = new Command('msp')
    .description('msp-tracker from the command line: sessions, work, commands, context, search, reports, credentials')
    .option('--json', 'answer in JSON, for scripts')
    .showHelpAfterError()
    .exitOverride();
  authCommands(msp);
  machineCommands(msp);
  sessionCommands(msp);
  logCommands(msp);
  knowledgeCommands(msp);
  reportCommand(msp);
  taskCommands(msp);
  credentialCommands(msp);
  ticketCommands(msp);
  syncCommand(msp);
  webhookCommands(msp);
  initCommand(msp);
  mcpCommand(msp);
  msp.addHelpText(
    'after',
    '\nExit codes: 0 ok, 2 usage, 3 not logged in or token refused, 4 not found, 5 service unreachable, 6 conflict or locked, 1 other.\n' +
      'Environment: MSP_API_URL and MSP_TOKEN override the config file; MSP_CONFIG_DIR moves it (default ~/.config/msp).',
  );
  return msp;
}
