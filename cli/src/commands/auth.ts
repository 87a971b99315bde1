import { createMspClient } from '@msp-tracker/sdk';
import type { Command } from 'commander';
import { updateConfig, writeConfig } from '../config';
import { action } from '../context';
import { CliError, EXIT, print } from '../output';
import { promptHidden, readStdin } from '../prompt';

export function authCommands(program: Command): void {
  program
    .command('login')
    .description('Log in; the refresh token is kept in ~/.config/msp/config.json (mode 0600, or MSP_CONFIG_DIR)')
    .requiredOption('--url <url>', 'the API, for example http://localhost:4000/graphql')
    .requiredOption('--email <email>', 'your e-mail address')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .addHelpText('after', '\nExample:\n  msp login --url http://localhost:4000/graphql --email mike@example.com')
    .action(
      action(async ({ options }, opts: { url: string; email: string; passwordStdin?: boolean }) => {
        if (!opts.passwordStdin && !process.stdin.isTTY)
          throw new CliError('No terminal to ask for the password: pipe it in with --password-stdin.', EXIT.usage, 'BAD_USER_INPUT');
        const password = opts.passwordStdin ? await readStdin() : await promptHidden('Password: ');
        if (!password) throw new CliError('No password given.', EXIT.usage, 'BAD_USER_INPUT');
        const { login } = await createMspClient({ url: opts.url }).Login({ input: { email: opts.email, password } });
        updateConfig((config) => ({
          ...config,
          url: opts.url,
          email: login.user.email,
          accessToken: login.accessToken,
          refreshToken: login.refreshToken,
        }));
        print(
          options,
          { email: login.user.email, role: login.user.role, url: opts.url },
          () => `Logged in as ${login.user.email} (${login.user.role}) at ${opts.url}.`,
        );
      }),
    );

  program
    .command('whoami')
    .description('Who the stored or MSP_TOKEN token belongs to')
    .addHelpText('after', '\nExample:\n  msp whoami --json')
    .action(
      action(async ({ api, options }) => {
        const { me } = await api().Me();
        print(options, me, () => `${me.email} (${me.role})`);
      }),
    );

  program
    .command('logout')
    .description('Revoke the login here and forget its tokens')
    .addHelpText('after', '\nExample:\n  msp logout')
    .action(
      action(async ({ api, config, options }) => {
        await api().Logout({ input: config.refreshToken ? { refreshToken: config.refreshToken } : {} });
        const { accessToken: _a, refreshToken: _r, session: _s, ...rest } = config;
        writeConfig(rest);
        print(options, { loggedOut: true }, () => 'Logged out.');
      }),
    );
}
