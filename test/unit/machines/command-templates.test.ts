import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { Platform } from '../../../entities/machine.entity';
import {
  COMMAND_TASK_DESCRIPTIONS,
  CommandArgs,
  commandFor,
  CommandTask,
  MachineShell,
  renderSuggestion,
} from '../../../src/machines/command-templates';
import { refusedField } from '../../helpers/refused-field';

const winget = { name: 'winget', install: 'winget install --id {package} -e' };
const choco = { name: 'choco', install: 'choco install {package} -y' };
const apt = { name: 'apt', install: 'sudo apt-get install -y {package}' };
const brew = { name: 'brew', install: 'brew install {package}' };

const machine = (
  platform: Platform,
  preferredShell: string | null,
  powershellVersion: string | null,
  packageManagers = [winget],
): MachineShell => ({
  platform,
  preferredShell,
  powershellVersion,
  packageManagers,
});

const MACHINES = {
  ps74: machine(Platform.WIN32, 'powershell', '7.4'),
  ps20: machine(Platform.WIN32, 'powershell', '2.0', [choco]),
  cmd: machine(Platform.WIN32, 'cmd', '5.1'),
  linux: machine(Platform.LINUX, 'bash', null, [apt]),
  mac: machine(Platform.DARWIN, 'zsh', null, [brew]),
};
type MachineName = keyof typeof MACHINES;

const SHELLS: Record<MachineName, string> = { ps74: 'powershell', ps20: 'powershell', cmd: 'cmd', linux: 'bash', mac: 'zsh' };
const WINDOWS_ARGS: CommandArgs = {
  path: 'C:\\Logs\\app.log',
  package: 'Git.Git',
  service: 'Spooler',
  host: 'example.com',
  pattern: '*.log',
  lines: 100,
};
const POSIX_ARGS: CommandArgs = {
  path: '/var/log/syslog',
  package: 'htop',
  service: 'nginx',
  host: 'example.com',
  pattern: '*.log',
  lines: 100,
};
const argsFor = (name: MachineName): CommandArgs => (name === 'linux' || name === 'mac' ? POSIX_ARGS : WINDOWS_ARGS);

/** The argument each task cannot do without. */
const REQUIRED: Partial<Record<CommandTask, keyof CommandArgs>> = {
  [CommandTask.INSTALL_PACKAGE]: 'package',
  [CommandTask.SERVICE_STATUS]: 'service',
  [CommandTask.RESTART_SERVICE]: 'service',
  [CommandTask.DNS_LOOKUP]: 'host',
  [CommandTask.PING]: 'host',
  [CommandTask.TAIL_LOG]: 'path',
  [CommandTask.FIND_FILE]: 'pattern',
};

/** Reads a PowerShell single-quoted literal starting at `start`; returns its value and where it ends. */
function readPowerShellLiteral(text: string, start: number): { value: string; end: number } {
  const isQuote = (c: string) => "'\u2018\u2019\u201a\u201b".includes(c);
  expect(isQuote(text[start])).toBe(true);
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    if (!isQuote(text[i])) value += text[i];
    else if (i + 1 < text.length && isQuote(text[i + 1])) value += text[++i];
    else return { value, end: i + 1 };
  }
  throw new Error(`unterminated literal in ${text}`);
}

describe('commandFor', () => {
  const tasks = Object.values(CommandTask);
  const rows = (Object.keys(MACHINES) as MachineName[]).flatMap((name) => tasks.map((task) => [name, task] as const));

  it.each(rows)('%s %s: a filled command for the machine shell', (name, task) => {
    const args = argsFor(name);
    const suggestion = commandFor(MACHINES[name], task, args);
    expect(suggestion.task).toBe(task);
    expect(suggestion.shell).toBe(SHELLS[name]);
    expect(suggestion.command.trim()).not.toBe('');
    expect(suggestion.command).not.toMatch(/\{\w+\}/);
    const required = REQUIRED[task];
    if (required) expect(suggestion.command).toContain(String(args[required]));
    expect(suggestion.packageManager).toBe(task === CommandTask.INSTALL_PACKAGE ? MACHINES[name].packageManagers[0].name : null);
  });

  it.each<[MachineName, CommandTask, CommandArgs, string]>([
    ['ps74', CommandTask.LIST_FILES, { path: 'C:\\temp' }, "Get-ChildItem -Force 'C:\\temp'"],
    ['ps74', CommandTask.LIST_FILES, {}, "Get-ChildItem -Force '.'"],
    ['ps74', CommandTask.PROCESS_LIST, {}, 'Get-Process | Sort-Object CPU -Descending | Select-Object -First 20'],
    ['ps74', CommandTask.LIST_USERS, {}, 'Get-LocalUser'],
    ['ps74', CommandTask.TAIL_LOG, WINDOWS_ARGS, "Get-Content -LiteralPath 'C:\\Logs\\app.log' -Tail 100"],
    ['ps74', CommandTask.SERVICE_STATUS, { service: 'Spooler' }, "Get-Service -Name 'Spooler'"],
    ['ps74', CommandTask.INSTALL_PACKAGE, { package: 'Git.Git' }, 'winget install --id Git.Git -e'],
    ['ps74', CommandTask.DNS_LOOKUP, { host: 'example.com' }, 'Resolve-DnsName -Name example.com'],
    ['ps20', CommandTask.TAIL_LOG, { path: 'C:\\Logs\\app.log' }, "Get-Content -LiteralPath 'C:\\Logs\\app.log' | Select-Object -Last 50"],
    ['ps20', CommandTask.NETWORK_CONNECTIONS, {}, 'netstat -ano'],
    ['ps20', CommandTask.DNS_LOOKUP, { host: 'example.com' }, 'nslookup example.com'],
    ['ps20', CommandTask.INSTALL_PACKAGE, { package: 'Git.Git' }, 'choco install Git.Git -y'],
    ['cmd', CommandTask.LIST_FILES, { path: 'C:\\temp' }, 'dir /a "C:\\temp"'],
    ['cmd', CommandTask.LIST_FILES, { path: 'C:\\temp\\' }, 'dir /a "C:\\temp\\\\"'],
    ['cmd', CommandTask.RESTART_SERVICE, { service: 'Spooler' }, 'net stop "Spooler" && net start "Spooler"'],
    ['cmd', CommandTask.FIND_FILE, { pattern: '*.log' }, 'where /r "." "*.log"'],
    ['cmd', CommandTask.PING, { host: 'example.com' }, 'ping -n 4 example.com'],
    [
      'cmd',
      CommandTask.TAIL_LOG,
      { path: "C:\\Bob's logs\\app.log", lines: 20 },
      `powershell -NoProfile -Command "Get-Content -LiteralPath 'C:\\Bob''s logs\\app.log' | Select-Object -Last 20"`,
    ],
    ['linux', CommandTask.LIST_FILES, { path: '/var/log' }, "ls -la '/var/log'"],
    ['linux', CommandTask.PROCESS_LIST, {}, 'ps aux --sort=-%cpu | head -n 21'],
    ['linux', CommandTask.IP_CONFIG, {}, 'ip addr'],
    ['linux', CommandTask.NETWORK_CONNECTIONS, {}, 'ss -tulpn'],
    ['linux', CommandTask.SERVICE_STATUS, { service: 'nginx' }, "systemctl status 'nginx' --no-pager"],
    ['linux', CommandTask.TAIL_LOG, POSIX_ARGS, "tail -n 100 '/var/log/syslog'"],
    ['linux', CommandTask.FIND_FILE, { path: '/etc', pattern: '*.conf' }, "find '/etc' -name '*.conf'"],
    ['linux', CommandTask.INSTALL_PACKAGE, { package: 'htop' }, 'sudo apt-get install -y htop'],
    ['mac', CommandTask.IP_CONFIG, {}, 'ifconfig'],
    ['mac', CommandTask.PROCESS_LIST, {}, 'ps aux -r | head -n 21'],
    ['mac', CommandTask.NETWORK_CONNECTIONS, {}, 'lsof -i -P -n'],
    ['mac', CommandTask.SERVICE_STATUS, { service: 'nginx' }, "sudo launchctl list | grep -i 'nginx'"],
    ['mac', CommandTask.INSTALL_PACKAGE, { package: 'htop' }, 'brew install htop'],
  ])('%s %s %j → %s', (name, task, args, expected) => {
    expect(commandFor(MACHINES[name], task, args).command).toBe(expected);
  });

  it('lists users with WMI on PowerShell 2.0, and says why', () => {
    const suggestion = commandFor(MACHINES.ps20, CommandTask.LIST_USERS);
    expect(suggestion.command).toBe('Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True"');
    expect(suggestion.note).toMatch(/Get-LocalUser needs PowerShell 5\.1/);
    expect(suggestion.note).toContain('PowerShell 2.0');
    expect(commandFor(machine(Platform.WIN32, 'powershell', '5.1'), CommandTask.LIST_USERS).command).toBe('Get-LocalUser');
    expect(commandFor(machine(Platform.WIN32, 'powershell', '5.0.10586'), CommandTask.LIST_USERS).command).toMatch(/^Get-WmiObject/);
    expect(commandFor(machine(Platform.WIN32, 'powershell', '10.0'), CommandTask.LIST_USERS).command).toBe('Get-LocalUser');
  });

  it('uses the older form when the PowerShell version is unknown, except for pwsh', () => {
    const unknown = commandFor(machine(Platform.WIN32, null, null), CommandTask.LIST_USERS);
    expect(unknown.command).toMatch(/^Get-WmiObject/);
    expect(unknown.note).toMatch(/version is unknown/);
    expect(commandFor(machine(Platform.WIN32, 'pwsh', null), CommandTask.LIST_USERS)).toMatchObject({
      command: 'Get-LocalUser',
      note: null,
    });
  });

  it('picks the shell from preferredShell and says when it cannot honour it', () => {
    expect(commandFor(machine(Platform.LINUX, '/usr/bin/zsh', null), CommandTask.DISK_USAGE)).toMatchObject({
      shell: 'zsh',
      command: 'df -h',
      note: null,
    });
    expect(commandFor(machine(Platform.DARWIN, null, null), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'zsh', note: null });
    expect(commandFor(machine(Platform.LINUX, null, null), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'bash', note: null });
    expect(commandFor(machine(Platform.WIN32, null, '5.1'), CommandTask.DISK_USAGE)).toMatchObject({
      shell: 'powershell',
      command: 'Get-PSDrive -PSProvider FileSystem',
    });
    expect(commandFor(machine(Platform.WIN32, 'C:\\Windows\\System32\\cmd.exe', null), CommandTask.DISK_USAGE).shell).toBe('cmd');
    const fish = commandFor(machine(Platform.LINUX, 'fish', null), CommandTask.DISK_USAGE);
    expect(fish).toMatchObject({ shell: 'bash', command: 'df -h' });
    expect(fish.note).toMatch(/"fish" is not a POSIX shell/);
    const gitBash = commandFor(machine(Platform.WIN32, 'bash', '5.1'), CommandTask.DISK_USAGE);
    expect(gitBash.shell).toBe('powershell');
    expect(gitBash.note).toMatch(/"bash" is not supported on Windows/);
  });

  it('runs native tools with PowerShell quoting when PowerShell is the shell on Linux', () => {
    const pwshLinux = machine(Platform.LINUX, 'pwsh', '7.4', [apt]);
    expect(commandFor(pwshLinux, CommandTask.IP_CONFIG)).toMatchObject({ shell: 'powershell', command: 'ip addr' });
    expect(commandFor(pwshLinux, CommandTask.SERVICE_STATUS, { service: "ng'x" }).command).toBe("systemctl status 'ng''x' --no-pager");
    expect(commandFor(machine(Platform.DARWIN, 'pwsh', '7.4'), CommandTask.NETWORK_CONNECTIONS).command).toBe('lsof -i -P -n');
  });

  it('renders a suggestion on one line, with its note', () => {
    expect(renderSuggestion(commandFor(MACHINES.ps74, CommandTask.LIST_FILES, { path: 'C:\\temp' }))).toBe(
      "powershell: Get-ChildItem -Force 'C:\\temp'",
    );
    expect(renderSuggestion(commandFor(MACHINES.ps20, CommandTask.LIST_USERS))).toMatch(
      /^powershell: Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True" — Get-LocalUser needs PowerShell 5\.1.*2\.0$/,
    );
  });

  describe('packages', () => {
    it('falls back to the platform default manager and says so', () => {
      expect(commandFor(machine(Platform.LINUX, 'bash', null, []), CommandTask.INSTALL_PACKAGE, { package: 'htop' })).toEqual({
        task: CommandTask.INSTALL_PACKAGE,
        shell: 'bash',
        command: 'sudo apt-get install -y htop',
        packageManager: 'apt-get',
        note: 'no package manager registered for this machine; assumed apt-get',
      });
      expect(
        commandFor(machine(Platform.WIN32, 'powershell', '7.4', []), CommandTask.INSTALL_PACKAGE, { package: 'Git.Git' }),
      ).toMatchObject({
        command: 'winget install --id Git.Git -e',
        packageManager: 'winget',
        note: 'no package manager registered for this machine; assumed winget',
      });
      expect(commandFor(machine(Platform.DARWIN, 'zsh', null, []), CommandTask.INSTALL_PACKAGE, { package: 'htop' })).toMatchObject({
        command: 'brew install htop',
        packageManager: 'brew',
      });
    });

    it('uses the first registered manager, quotes names that need it and appends when the template has no placeholder', () => {
      const two = machine(Platform.LINUX, 'bash', null, [{ name: 'npm', install: 'npm install -g {package}' }, apt]);
      expect(commandFor(two, CommandTask.INSTALL_PACKAGE, { package: '@angular/cli' })).toMatchObject({
        command: "npm install -g '@angular/cli'",
        packageManager: 'npm',
        note: null,
      });
      const windowsNpm = machine(Platform.WIN32, 'powershell', '7.4', [{ name: 'npm', install: 'npm install -g {package}' }]);
      expect(commandFor(windowsNpm, CommandTask.INSTALL_PACKAGE, { package: '@angular/cli' }).command).toBe(
        "npm install -g '@angular/cli'",
      );
      const noPlaceholder = machine(Platform.LINUX, 'bash', null, [{ name: 'pkg', install: 'pkg install -y' }]);
      expect(commandFor(noPlaceholder, CommandTask.INSTALL_PACKAGE, { package: 'curl' }).command).toBe('pkg install -y curl');
    });
  });

  describe('quoting', () => {
    const hasBash = existsSync('/bin/bash');

    it('keeps a POSIX injection attempt inside one single-quoted word', () => {
      const path = "x'; rm -rf / #";
      expect(commandFor(MACHINES.linux, CommandTask.LIST_FILES, { path }).command).toBe("ls -la 'x'\\''; rm -rf / #'");
    });

    (hasBash ? it : it.skip).each(["x'; echo INJECTED; '", '$(echo INJECTED)', '`echo INJECTED`', 'a b\t\'c\' \\ "d" $HOME *'])(
      'bash reads %j back as exactly one argument',
      (value) => {
        const command = commandFor(MACHINES.linux, CommandTask.LIST_FILES, { path: value.replace('\t', ' ') }).command;
        const quoted = command.slice('ls -la '.length);
        const output = execFileSync('/bin/bash', ['-c', `printf '<%s>' ${quoted}`], { encoding: 'utf8' });
        expect(output).toBe(`<${value.replace('\t', ' ')}>`);
      },
    );

    it.each(["a' ; Remove-Item -Recurse C:\\", 'a\u2019; Remove-Item C:\\ -Recurse; \u2019', "''", '$(Remove-Item x) `n @args'])(
      'keeps PowerShell value %j inside one single-quoted literal',
      (value) => {
        const command = commandFor(MACHINES.ps74, CommandTask.LIST_FILES, { path: value }).command;
        const prefix = 'Get-ChildItem -Force ';
        expect(command.startsWith(prefix)).toBe(true);
        const literal = readPowerShellLiteral(command, prefix.length);
        expect(literal).toEqual({ value, end: command.length });
      },
    );

    it.each([
      ['a" & del C:\\x', 'args.path'],
      ['%USERPROFILE%', 'args.path'],
      ['a ^& b', 'args.path'],
      ['a | b', 'args.path'],
      ['a > b', 'args.path'],
      ['a < b', 'args.path'],
    ])('refuses %j for cmd naming %s', (path, field) => {
      expect(refusedField(() => commandFor(MACHINES.cmd, CommandTask.LIST_FILES, { path }))).toBe(field);
      expect(commandFor(MACHINES.ps74, CommandTask.LIST_FILES, { path }).command).toContain('Get-ChildItem');
    });

    it('checks cmd characters even when cmd runs PowerShell', () => {
      expect(refusedField(() => commandFor(MACHINES.cmd, CommandTask.TAIL_LOG, { path: 'C:\\x"; calc; "' }))).toBe('args.path');
    });

    it.each<[MachineName, CommandTask, CommandArgs, string]>([
      ['linux', CommandTask.LIST_FILES, { path: 'a\nrm -rf /' }, 'args.path'],
      ['ps74', CommandTask.LIST_FILES, { path: 'a\u0000b' }, 'args.path'],
      ['cmd', CommandTask.FIND_FILE, { pattern: '*.log\r\ndel *' }, 'args.pattern'],
      ['mac', CommandTask.SERVICE_STATUS, { service: 'nginx\n' }, 'args.service'],
      ['linux', CommandTask.LIST_FILES, { path: '--help' }, 'args.path'],
      ['linux', CommandTask.RESTART_SERVICE, { service: '-H evil' }, 'args.service'],
      ['linux', CommandTask.INSTALL_PACKAGE, { package: 'htop; rm -rf /' }, 'args.package'],
      ['ps74', CommandTask.INSTALL_PACKAGE, { package: '-source evil' }, 'args.package'],
      ['cmd', CommandTask.INSTALL_PACKAGE, { package: 'a'.repeat(201) }, 'args.package'],
      ['linux', CommandTask.PING, { host: 'example.com; reboot' }, 'args.host'],
      ['ps74', CommandTask.PING, { host: '-t' }, 'args.host'],
      ['cmd', CommandTask.DNS_LOOKUP, { host: 'a'.repeat(256) }, 'args.host'],
      ['linux', CommandTask.TAIL_LOG, { path: '/var/log/syslog', lines: 0 }, 'args.lines'],
      ['linux', CommandTask.TAIL_LOG, { path: '/var/log/syslog', lines: 10001 }, 'args.lines'],
      ['ps74', CommandTask.TAIL_LOG, { path: 'C:\\x.log', lines: 2.5 }, 'args.lines'],
    ])('%s %s refuses %j naming %s', (name, task, args, field) => {
      expect(refusedField(() => commandFor(MACHINES[name], task, args))).toBe(field);
    });

    it('accepts the edges of the allowed ranges', () => {
      expect(commandFor(MACHINES.linux, CommandTask.TAIL_LOG, { path: '/x', lines: 10000 }).command).toBe("tail -n 10000 '/x'");
      expect(commandFor(MACHINES.linux, CommandTask.TAIL_LOG, { path: '/x', lines: 1 }).command).toBe("tail -n 1 '/x'");
      expect(commandFor(MACHINES.linux, CommandTask.PING, { host: 'fe80::1' }).command).toBe('ping -c 4 fe80::1');
      expect(commandFor(MACHINES.linux, CommandTask.PING, { host: '::1' }).command).toBe("ping -c 4 '::1'");
      expect(commandFor(MACHINES.linux, CommandTask.INSTALL_PACKAGE, { package: 'a'.repeat(200) }).command).toContain('a'.repeat(200));
    });
  });

  it.each(Object.entries(REQUIRED))('%s without args.%s is refused with an example', (task, arg) => {
    for (const name of Object.keys(MACHINES) as MachineName[]) {
      const run = () => commandFor(MACHINES[name], task as CommandTask, { [arg]: '  ' });
      expect(refusedField(run)).toBe(`args.${arg}`);
      expect(run).toThrow(new RegExp(`${task} needs args\\.${arg}, for example`));
    }
  });
});

describe('COMMAND_TASK_DESCRIPTIONS', () => {
  it.each(Object.values(CommandTask))('%s has one sentence naming the argument it needs', (task) => {
    const description = COMMAND_TASK_DESCRIPTIONS[task];
    expect(description).toMatch(/^[A-Z][^.]*(\.[^ ][^.]*)*\.$/);
    const required = REQUIRED[task];
    if (required) expect(description).toContain(`args.${required}`);
  });
});
