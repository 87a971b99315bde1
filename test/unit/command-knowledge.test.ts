import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { FailureCategory } from '../../entities/command-run.entity';
import { Platform } from '../../entities/machine.entity';
import { BadInputError } from '../../src/errors';
import {
  COMMAND_TASK_DESCRIPTIONS,
  CommandArgs,
  commandFor,
  commandSignature,
  CommandTask,
  environmentConditions,
  inferFailureCategory,
  knownAlternative,
  MachineShell,
  operationSignature,
  renderSuggestion,
  sameEnvironment,
} from '../../src/services/command-knowledge';

const winget = { name: 'winget', install: 'winget install --id {package} -e' };
const choco = { name: 'choco', install: 'choco install {package} -y' };
const apt = { name: 'apt', install: 'sudo apt-get install -y {package}' };
const brew = { name: 'brew', install: 'brew install {package}' };

const machine = (platform: Platform, preferredShell: string | null, powershellVersion: string | null, packageManagers = [winget]): MachineShell => ({
  platform,
  preferredShell,
  powershellVersion,
  packageManagers,
});

const MACHINES = {
  ps74: machine(Platform.win32, 'powershell', '7.4'),
  ps20: machine(Platform.win32, 'powershell', '2.0', [choco]),
  cmd: machine(Platform.win32, 'cmd', '5.1'),
  linux: machine(Platform.linux, 'bash', null, [apt]),
  mac: machine(Platform.darwin, 'zsh', null, [brew]),
};
type MachineName = keyof typeof MACHINES;

const SHELLS: Record<MachineName, string> = { ps74: 'powershell', ps20: 'powershell', cmd: 'cmd', linux: 'bash', mac: 'zsh' };
const WINDOWS_ARGS: CommandArgs = { path: 'C:\\Logs\\app.log', package: 'Git.Git', service: 'Spooler', host: 'example.com', pattern: '*.log', lines: 100 };
const POSIX_ARGS: CommandArgs = { path: '/var/log/syslog', package: 'htop', service: 'nginx', host: 'example.com', pattern: '*.log', lines: 100 };
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

/** The BadInputError's field, failing the test when something else (or nothing) is thrown. */
function refusedField(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).extensions.field;
  }
  throw new Error('expected a BadInputError, but nothing was thrown');
}

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
    ['cmd', CommandTask.TAIL_LOG, { path: "C:\\Bob's logs\\app.log", lines: 20 }, `powershell -NoProfile -Command "Get-Content -LiteralPath 'C:\\Bob''s logs\\app.log' | Select-Object -Last 20"`],
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
    expect(commandFor(machine(Platform.win32, 'powershell', '5.1'), CommandTask.LIST_USERS).command).toBe('Get-LocalUser');
    expect(commandFor(machine(Platform.win32, 'powershell', '5.0.10586'), CommandTask.LIST_USERS).command).toMatch(/^Get-WmiObject/);
    expect(commandFor(machine(Platform.win32, 'powershell', '10.0'), CommandTask.LIST_USERS).command).toBe('Get-LocalUser');
  });

  it('uses the older form when the PowerShell version is unknown, except for pwsh', () => {
    const unknown = commandFor(machine(Platform.win32, null, null), CommandTask.LIST_USERS);
    expect(unknown.command).toMatch(/^Get-WmiObject/);
    expect(unknown.note).toMatch(/version is unknown/);
    expect(commandFor(machine(Platform.win32, 'pwsh', null), CommandTask.LIST_USERS)).toMatchObject({ command: 'Get-LocalUser', note: null });
  });

  it('picks the shell from preferredShell and says when it cannot honour it', () => {
    expect(commandFor(machine(Platform.linux, '/usr/bin/zsh', null), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'zsh', command: 'df -h', note: null });
    expect(commandFor(machine(Platform.darwin, null, null), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'zsh', note: null });
    expect(commandFor(machine(Platform.linux, null, null), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'bash', note: null });
    expect(commandFor(machine(Platform.win32, null, '5.1'), CommandTask.DISK_USAGE)).toMatchObject({ shell: 'powershell', command: 'Get-PSDrive -PSProvider FileSystem' });
    expect(commandFor(machine(Platform.win32, 'C:\\Windows\\System32\\cmd.exe', null), CommandTask.DISK_USAGE).shell).toBe('cmd');
    const fish = commandFor(machine(Platform.linux, 'fish', null), CommandTask.DISK_USAGE);
    expect(fish).toMatchObject({ shell: 'bash', command: 'df -h' });
    expect(fish.note).toMatch(/"fish" is not a POSIX shell/);
    const gitBash = commandFor(machine(Platform.win32, 'bash', '5.1'), CommandTask.DISK_USAGE);
    expect(gitBash.shell).toBe('powershell');
    expect(gitBash.note).toMatch(/"bash" is not supported on Windows/);
  });

  it('runs native tools with PowerShell quoting when PowerShell is the shell on Linux', () => {
    const pwshLinux = machine(Platform.linux, 'pwsh', '7.4', [apt]);
    expect(commandFor(pwshLinux, CommandTask.IP_CONFIG)).toMatchObject({ shell: 'powershell', command: 'ip addr' });
    expect(commandFor(pwshLinux, CommandTask.SERVICE_STATUS, { service: "ng'x" }).command).toBe("systemctl status 'ng''x' --no-pager");
    expect(commandFor(machine(Platform.darwin, 'pwsh', '7.4'), CommandTask.NETWORK_CONNECTIONS).command).toBe('lsof -i -P -n');
  });

  it('renders a suggestion on one line, with its note', () => {
    expect(renderSuggestion(commandFor(MACHINES.ps74, CommandTask.LIST_FILES, { path: 'C:\\temp' }))).toBe("powershell: Get-ChildItem -Force 'C:\\temp'");
    expect(renderSuggestion(commandFor(MACHINES.ps20, CommandTask.LIST_USERS))).toMatch(
      /^powershell: Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True" — Get-LocalUser needs PowerShell 5\.1.*2\.0$/,
    );
  });

  describe('packages', () => {
    it('falls back to the platform default manager and says so', () => {
      expect(commandFor(machine(Platform.linux, 'bash', null, []), CommandTask.INSTALL_PACKAGE, { package: 'htop' })).toEqual({
        task: CommandTask.INSTALL_PACKAGE,
        shell: 'bash',
        command: 'sudo apt-get install -y htop',
        packageManager: 'apt-get',
        note: 'no package manager registered for this machine; assumed apt-get',
      });
      expect(commandFor(machine(Platform.win32, 'powershell', '7.4', []), CommandTask.INSTALL_PACKAGE, { package: 'Git.Git' })).toMatchObject({
        command: 'winget install --id Git.Git -e',
        packageManager: 'winget',
        note: 'no package manager registered for this machine; assumed winget',
      });
      expect(commandFor(machine(Platform.darwin, 'zsh', null, []), CommandTask.INSTALL_PACKAGE, { package: 'htop' })).toMatchObject({
        command: 'brew install htop',
        packageManager: 'brew',
      });
    });

    it('uses the first registered manager, quotes names that need it and appends when the template has no placeholder', () => {
      const two = machine(Platform.linux, 'bash', null, [{ name: 'npm', install: 'npm install -g {package}' }, apt]);
      expect(commandFor(two, CommandTask.INSTALL_PACKAGE, { package: '@angular/cli' })).toMatchObject({ command: "npm install -g '@angular/cli'", packageManager: 'npm', note: null });
      const windowsNpm = machine(Platform.win32, 'powershell', '7.4', [{ name: 'npm', install: 'npm install -g {package}' }]);
      expect(commandFor(windowsNpm, CommandTask.INSTALL_PACKAGE, { package: '@angular/cli' }).command).toBe("npm install -g '@angular/cli'");
      const noPlaceholder = machine(Platform.linux, 'bash', null, [{ name: 'pkg', install: 'pkg install -y' }]);
      expect(commandFor(noPlaceholder, CommandTask.INSTALL_PACKAGE, { package: 'curl' }).command).toBe('pkg install -y curl');
    });
  });

  describe('quoting', () => {
    const hasBash = existsSync('/bin/bash');

    it('keeps a POSIX injection attempt inside one single-quoted word', () => {
      const path = "x'; rm -rf / #";
      expect(commandFor(MACHINES.linux, CommandTask.LIST_FILES, { path }).command).toBe("ls -la 'x'\\''; rm -rf / #'");
    });

    (hasBash ? it : it.skip).each(["x'; echo INJECTED; '", '$(echo INJECTED)', '`echo INJECTED`', "a b\t'c' \\ \"d\" $HOME *"])(
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

describe('commandSignature', () => {
  it.each([
    ['Get-LocalUser -Name "bob"', 'cmd:get-localuser'],
    ['sudo apt-get install -y foo', 'cmd:apt-get install'],
    ['net use Z: \\\\srv\\share', 'cmd:net use'],
    ['C:\\Tools\\PsExec.exe \\\\pc1 cmd', 'cmd:psexec'],
    ['  ifconfig   eth0 ', 'cmd:ifconfig'],
    ['git -C /repo status', 'cmd:git'],
    ['docker compose up -d', 'cmd:docker compose'],
    ['DEBIAN_FRONTEND=noninteractive apt-get upgrade', 'cmd:apt-get upgrade'],
    ["env LANG=C sudo -u postgres psql -c 'select 1'", 'cmd:psql'],
    ['& "C:\\Program Files\\Veeam\\Veeam.Agent.exe" /install', 'cmd:veeam.agent'],
    ['.\\Deploy.ps1 -Force', 'cmd:deploy'],
    ['. .\\profile.ps1', 'cmd:profile'],
    ['/usr/bin/systemctl restart nginx', 'cmd:systemctl restart'],
    ['winget install --id Git.Git -e', 'cmd:winget install'],
    ['kubectl "get" pods', 'cmd:kubectl'],
    ['ping -n 4 10.0.0.5', 'cmd:ping'],
    ['sc.exe query Spooler', 'cmd:sc query'],
    ['GIT.EXE PUSH origin main', 'cmd:git push'],
    ['npm ./local-package', 'cmd:npm'],
    ['(Get-Content C:\\x.txt).Count', 'cmd:get-content'],
    ['Get-Service | Where-Object Status -eq Running', 'cmd:get-service'],
    ['netsh advfirewall show allprofiles', 'cmd:netsh advfirewall'],
    ['sudo', 'cmd:sudo'],
  ])('%s → %s', (command, signature) => {
    expect(commandSignature(command)).toBe(signature);
  });

  it('gives the same signature whatever the arguments', () => {
    expect(commandSignature('net use X: \\\\fs01\\data /persistent:yes')).toBe(commandSignature('net use Y: \\\\fs02\\home'));
  });

  it('caps the signature at 255 characters and refuses a blank command', () => {
    expect(commandSignature('x'.repeat(4000))).toHaveLength(255);
    expect(refusedField(() => commandSignature('   '))).toBe('command');
  });
});

describe('operationSignature', () => {
  it.each([
    ['Install Veeam agent 6.1 on 10.0.0.5', 'op:install veeam agent on'],
    ['Copy "Q3 report.xlsx" to \\\\fs01\\share\\finance', 'op:copy to'],
    ['Join PC to domain with GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301}', 'op:join pc to domain with guid'],
    ['Upgrade firmware at https://10.0.0.2/admin, attempt 2 of 3', 'op:upgrade firmware at attempt of'],
    ['Restore /var/lib/mysql from backup taken 2024-05-01 10:30', 'op:restore from backup taken'],
    ["Reset bob's password in 'Sales OU'", "op:reset bob's password in"],
    ['Reserve fe80::1 for 00:11:22:33:44:55 (printer)', 'op:reserve for printer'],
    ['Map drive Z: to C:\\Shares\\Data.', 'op:map drive z to'],
    ['10.0.0.5', 'op:10.0.0.5'],
  ])('%s → %s', (operation, signature) => {
    expect(operationSignature(operation)).toBe(signature);
  });

  it('groups the same operation on other hosts and versions', () => {
    expect(operationSignature('install  VEEAM agent 6.2 on 10.0.0.9')).toBe(operationSignature('Install Veeam agent 6.1 on 10.0.0.5'));
  });

  it('caps the signature at 255 characters and refuses a blank operation', () => {
    const signature = operationSignature('restart the service '.repeat(200));
    expect(signature.length).toBeLessThanOrEqual(255);
    expect(signature).toMatch(/^op:restart the service restart/);
    expect(signature).not.toMatch(/\s$/);
    expect(refusedField(() => operationSignature(' \n '))).toBe('operation');
  });
});

describe('inferFailureCategory', () => {
  const { PERMISSION, NOT_FOUND, SYNTAX, NETWORK, TIMEOUT, COMPATIBILITY, DEPENDENCY, OTHER } = FailureCategory;

  it.each<[string, FailureCategory]>([
    // PowerShell
    ["Get-LocalUser : The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", COMPATIBILITY],
    ["The term 'ipconfg' is not recognized as the name of a cmdlet, function, script file, or operable program.", NOT_FOUND],
    ["Get-Content : A parameter cannot be found that matches parameter name 'Tail'.", COMPATIBILITY],
    ["Get-Item : Cannot find path 'C:\\nope' because it does not exist.", NOT_FOUND],
    ["New-Item : Access to the path 'C:\\Windows\\x.txt' is denied.", PERMISSION],
    ["Unexpected token '}' in expression or statement.", SYNTAX],
    ["Import-Module : The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory.", DEPENDENCY],
    ['File C:\\scripts\\fix.ps1 cannot be loaded because running scripts is disabled on this system.', PERMISSION],
    ['Invoke-WebRequest : The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.', NETWORK],
    ['New-PSSession : [srv01] Connecting to remote server srv01 failed with the following error message : WinRM cannot complete the operation.', NETWORK],
    ['Start-Process : This command cannot be run due to the error: The requested operation requires elevation.', PERMISSION],
    // cmd
    ["'Get-Process' is not recognized as an internal or external command, operable program or batch file.", COMPATIBILITY],
    ["'ipconfg' is not recognized as an internal or external command, operable program or batch file.", NOT_FOUND],
    ['System error 53 has occurred.\r\n\r\nThe network path was not found.', NETWORK],
    ['The syntax of the command is incorrect.', SYNTAX],
    ['Access is denied.', PERMISSION],
    ['Invalid switch - "x".', SYNTAX],
    ['Request timed out.', TIMEOUT],
    ['Reply from 10.0.0.1: Destination host unreachable.', NETWORK],
    // bash and coreutils
    ['bash: ip: command not found', NOT_FOUND],
    ['bash: Get-LocalUser: command not found', COMPATIBILITY],
    ['bash: update-grub: command not found', NOT_FOUND],
    ["ls: cannot access '/srv/x': No such file or directory", NOT_FOUND],
    ["bash: syntax error near unexpected token `('", SYNTAX],
    ["ls: invalid option -- 'z'", SYNTAX],
    ['Failed to restart nginx.service: Access denied', PERMISSION],
    ['Failed to restart foo.service: Unit foo.service not found.', NOT_FOUND],
    ['chown: changing ownership of /srv/x: Operation not permitted', PERMISSION],
    ['./deploy.sh: line 3: /usr/local/bin/tool: cannot execute binary file: Exec format error', COMPATIBILITY],
    ['python3: error while loading shared libraries: libpython3.11.so.1.0: cannot open shared object file: No such file or directory', DEPENDENCY],
    ["ModuleNotFoundError: No module named 'requests'", DEPENDENCY],
    // ssh
    ['ssh: connect to host 10.0.0.5 port 22: Connection timed out', TIMEOUT],
    ['bob@10.0.0.5: Permission denied (publickey,password).', PERMISSION],
    ['ssh: Could not resolve hostname srv01: Name or service not known', NETWORK],
    ['ssh: connect to host 10.0.0.5 port 22: Connection refused', NETWORK],
    ['ssh: connect to host 10.0.0.5 port 22: No route to host', NETWORK],
    // curl
    ['curl: (6) Could not resolve host: example.invalid', NETWORK],
    ['curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received', TIMEOUT],
    ['curl: (22) The requested URL returned error: 404', NOT_FOUND],
    ['curl: (22) The requested URL returned error: 403', PERMISSION],
    ["curl: (7) Failed to connect to 10.0.0.5 port 443 after 2 ms: Couldn't connect to server", NETWORK],
    // apt
    ['E: Unable to locate package htopp', NOT_FOUND],
    ['E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)', PERMISSION],
    ['E: Unable to correct problems, you have held broken packages.', DEPENDENCY],
    ['The following packages have unmet dependencies:\n foo : Depends: libbar (>= 2) but it is not going to be installed', DEPENDENCY],
    ["Temporary failure resolving 'archive.ubuntu.com'", NETWORK],
    ["E: Package 'foo' has no installation candidate", NOT_FOUND],
    // nothing recognisable
    ['Job for nginx.service failed because the control process exited with error code.', OTHER],
  ])('%s → %s', (message, category) => {
    expect(inferFailureCategory(message)).toBe(category);
  });

  it.each<[string | null | undefined, number | null | undefined, FailureCategory]>([
    [null, 127, NOT_FOUND],
    ['', 126, PERMISSION],
    [undefined, 124, TIMEOUT],
    ['something odd happened', 1, OTHER],
    [null, null, OTHER],
    [undefined, undefined, OTHER],
    ['bash: Get-LocalUser: command not found', 127, COMPATIBILITY],
    ['Access is denied.', 127, PERMISSION],
  ])('message %j with exit code %j → %s (the message wins)', (message, exitCode, category) => {
    expect(inferFailureCategory(message, exitCode)).toBe(category);
  });
});

describe('knownAlternative', () => {
  it.each([
    ['cmd:get-localuser', 'Win32_UserAccount'],
    ['  CMD:Get-LocalUser ', 'LocalAccount=True'],
    ['cmd:get-localgroupmember', 'net localgroup'],
    ['cmd:get-netipaddress', 'ipconfig /all'],
    ['cmd:get-ciminstance', 'Get-WmiObject'],
    ['cmd:invoke-webrequest', 'System.Net.WebClient'],
    ['cmd:test-netconnection', 'Test-Connection'],
    ['cmd:get-smbshare', 'net share'],
    ['cmd:new-psdrive', 'net use'],
    ['cmd:ifconfig', 'ip addr'],
    ['cmd:netstat', 'ss -tulpn'],
    ['cmd:service', 'systemctl'],
  ])('%s → mentions %s', (signature, expected) => {
    expect(knownAlternative(signature)).toContain(expected);
  });

  it('works on signatures as commandSignature makes them, and misses unknown commands', () => {
    expect(knownAlternative(commandSignature('Get-LocalUser -Name bob'))).toMatch(/^Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True"/);
    expect(knownAlternative(commandSignature('sudo ifconfig eth0 up'))).toMatch(/^ip addr/);
    expect(knownAlternative('cmd:ls')).toBeNull();
    expect(knownAlternative('cmd:constructor')).toBeNull();
  });
});

describe('environmentConditions', () => {
  it.each<[{ os: string | null; osVersion: string | null }, string | null | undefined, string[]]>([
    [{ os: 'Windows Server', osVersion: '2008 R2' }, 'PowerShell 2.0', ['Windows Server 2008 R2', 'powershell 2.0']],
    [{ os: '  Ubuntu ', osVersion: ' 22.04   LTS' }, '  Bash  5.1 ', ['Ubuntu 22.04 LTS', 'bash 5.1']],
    [{ os: 'Windows Server', osVersion: 'Windows Server 2012 R2' }, undefined, ['Windows Server 2012 R2']],
    [{ os: 'Windows Server', osVersion: '' }, '   ', ['Windows Server']],
    [{ os: null, osVersion: '14.5' }, 'zsh', ['14.5', 'zsh']],
    [{ os: null, osVersion: null }, null, []],
  ])('%j with shell %j → %j', (host, shell, expected) => {
    expect(environmentConditions(host, shell)).toEqual(expected);
  });
});

describe('sameEnvironment', () => {
  it.each<[string[], string[], string[]]>([
    [['Windows Server 2008 R2', 'powershell 2.0'], ['Windows Server 2008', 'powershell 5.1'], ['Windows Server 2008']],
    [['Windows Server 2008'], ['windows server 2008 r2'], ['Windows Server 2008']],
    [['PowerShell 2.0'], ['powershell 2.0'], ['PowerShell 2.0']],
    [['Windows Server 2008'], ['Windows Server 20081'], []],
    [['Windows 1'], ['Windows 10'], []],
    [['bash', 'Ubuntu 22.04'], ['Ubuntu 22.04 LTS', 'bash'], ['bash', 'Ubuntu 22.04']],
    [['Windows Server 2008 R2'], ['Windows Server 2008', 'Windows Server 2008 R2'], ['Windows Server 2008 R2']],
    [['Windows Server 2008 R2', 'windows server 2008'], ['Windows Server 2008'], ['Windows Server 2008']],
    [['Ubuntu 22.04'], ['Debian 12'], []],
    [[], ['bash'], []],
    [['', 'bash'], ['', 'bash'], ['bash']],
  ])('%j and %j share %j', (conditions, other, shared) => {
    expect(sameEnvironment(conditions, other)).toEqual(shared);
  });
});

describe('hostile input stays fast', () => {
  const inputs = ["'".repeat(4000), '"'.repeat(4000), 'a-'.repeat(2000), ':'.repeat(4000), '0:'.repeat(2000), 'a'.repeat(4000), '1.'.repeat(2000), "a ' ".repeat(1000), 'Get-A'.repeat(800)];

  it.each(inputs.map((input) => [input.slice(0, 12), input]))('%j… is handled in well under a second', (_, input) => {
    const started = Date.now();
    commandSignature(input);
    operationSignature(input);
    inferFailureCategory(`${input} command not found`);
    environmentConditions({ os: input, osVersion: input }, input);
    sameEnvironment([input], [input]);
    expect(Date.now() - started).toBeLessThan(250);
  });
});
