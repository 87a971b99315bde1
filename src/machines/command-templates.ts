/**
 * How to do a common task in a machine's shell: a table of task × shell family, arguments quoted for
 * that shell, and the machine's own package-manager templates. No I/O of any kind.
 */
import type { PackageManagerTemplate } from '../../entities/machine-capabilities';
import { Platform } from '../../entities/machine.entity';
import { BadInputError } from '../core/errors';

export enum CommandTask {
  LIST_FILES = 'LIST_FILES',
  PROCESS_LIST = 'PROCESS_LIST',
  IP_CONFIG = 'IP_CONFIG',
  INSTALL_PACKAGE = 'INSTALL_PACKAGE',
  DISK_USAGE = 'DISK_USAGE',
  SERVICE_STATUS = 'SERVICE_STATUS',
  RESTART_SERVICE = 'RESTART_SERVICE',
  DNS_LOOKUP = 'DNS_LOOKUP',
  PING = 'PING',
  TAIL_LOG = 'TAIL_LOG',
  FIND_FILE = 'FIND_FILE',
  NETWORK_CONNECTIONS = 'NETWORK_CONNECTIONS',
  SYSTEM_INFO = 'SYSTEM_INFO',
  LIST_USERS = 'LIST_USERS',
}

export const COMMAND_TASK_DESCRIPTIONS: Record<CommandTask, string> = {
  [CommandTask.LIST_FILES]: 'List the files in args.path (default "."), hidden ones included.',
  [CommandTask.PROCESS_LIST]: 'List running processes, busiest first where the shell can sort; no arguments.',
  [CommandTask.IP_CONFIG]: 'Show the network interfaces and their IP addresses; no arguments.',
  [CommandTask.INSTALL_PACKAGE]:
    "Install args.package with the machine's first package manager (winget, apt-get or brew if none is registered).",
  [CommandTask.DISK_USAGE]: 'Show size and free space of each disk or volume; no arguments.',
  [CommandTask.SERVICE_STATUS]: 'Show the state of the service args.service (on macOS, part of its launchd label).',
  [CommandTask.RESTART_SERVICE]: 'Restart the service args.service (on macOS, its full launchd label); needs admin rights.',
  [CommandTask.DNS_LOOKUP]: 'Resolve the host name args.host through DNS.',
  [CommandTask.PING]: 'Send four pings to args.host.',
  [CommandTask.TAIL_LOG]: 'Show the last args.lines (default 50) lines of the file args.path.',
  [CommandTask.FIND_FILE]: 'Find files named like args.pattern (wildcards allowed) under args.path (default ".").',
  [CommandTask.NETWORK_CONNECTIONS]: 'List network connections and listening ports; no arguments.',
  [CommandTask.SYSTEM_INFO]: 'Show the operating system name, version and build; no arguments.',
  [CommandTask.LIST_USERS]: 'List the local user accounts; no arguments.',
};

/** `{name}` in a template stands for the argument args.name, quoted for the target shell. */
type Template = string;

interface PowerShellCommand {
  command: Template;
  /** Windows PowerShell older than `version` (or of unknown version) lacks `command`: run `fallback`. */
  before?: { version: string; fallback: Template; why: string };
}

type ShellFamily = 'powershell' | 'cmd' | 'posix';

/** A cmd command that runs another shell inside it, so its arguments are quoted for that shell. */
interface NestedCommand {
  command: Template;
  quoting: ShellFamily;
  note: string;
}

interface TaskCommands {
  /** PowerShell on Windows; PowerShell elsewhere runs the native (linux/darwin) command. */
  powershell: Template | PowerShellCommand;
  cmd: Template | NestedCommand;
  linux: Template;
  /** Only when macOS differs from Linux. */
  darwin?: Template;
  /** Arguments that may be left out; every other argument of the template is required. */
  defaults?: CommandArgs;
}

// INSTALL_PACKAGE is not here: it uses the machine's own package manager template.
const COMMANDS: Record<Exclude<CommandTask, CommandTask.INSTALL_PACKAGE>, TaskCommands> = {
  [CommandTask.LIST_FILES]: {
    powershell: 'Get-ChildItem -Force {path}',
    cmd: 'dir /a {path}',
    linux: 'ls -la {path}',
    defaults: { path: '.' },
  },
  [CommandTask.PROCESS_LIST]: {
    powershell: 'Get-Process | Sort-Object CPU -Descending | Select-Object -First 20',
    cmd: 'tasklist',
    linux: 'ps aux --sort=-%cpu | head -n 21',
    darwin: 'ps aux -r | head -n 21',
  },
  [CommandTask.IP_CONFIG]: {
    powershell: {
      command: 'Get-NetIPAddress | Format-Table InterfaceAlias, AddressFamily, IPAddress, PrefixLength',
      before: {
        version: '3.0',
        fallback: 'ipconfig /all',
        why: 'Get-NetIPAddress needs PowerShell 3.0 on Windows 8 / Server 2012 or newer',
      },
    },
    cmd: 'ipconfig /all',
    linux: 'ip addr',
    darwin: 'ifconfig',
  },
  [CommandTask.DISK_USAGE]: {
    powershell: 'Get-PSDrive -PSProvider FileSystem',
    cmd: 'wmic logicaldisk get Caption,FileSystem,FreeSpace,Size',
    linux: 'df -h',
  },
  [CommandTask.SERVICE_STATUS]: {
    powershell: 'Get-Service -Name {service}',
    cmd: 'sc query {service}',
    linux: 'systemctl status {service} --no-pager',
    darwin: 'sudo launchctl list | grep -i {service}',
  },
  [CommandTask.RESTART_SERVICE]: {
    powershell: 'Restart-Service -Name {service}',
    cmd: 'net stop {service} && net start {service}',
    linux: 'sudo systemctl restart {service}',
    darwin: 'sudo launchctl kickstart -k system/{service}',
  },
  [CommandTask.DNS_LOOKUP]: {
    powershell: {
      command: 'Resolve-DnsName -Name {host}',
      before: {
        version: '3.0',
        fallback: 'nslookup {host}',
        why: 'Resolve-DnsName needs PowerShell 3.0 on Windows 8 / Server 2012 or newer',
      },
    },
    cmd: 'nslookup {host}',
    linux: 'nslookup {host}',
  },
  [CommandTask.PING]: {
    powershell: 'Test-Connection -ComputerName {host} -Count 4',
    cmd: 'ping -n 4 {host}',
    linux: 'ping -c 4 {host}',
  },
  [CommandTask.TAIL_LOG]: {
    powershell: {
      command: 'Get-Content -LiteralPath {path} -Tail {lines}',
      before: {
        version: '3.0',
        fallback: 'Get-Content -LiteralPath {path} | Select-Object -Last {lines}',
        why: 'Get-Content -Tail needs PowerShell 3.0',
      },
    },
    cmd: {
      command: 'powershell -NoProfile -Command "Get-Content -LiteralPath {path} | Select-Object -Last {lines}"',
      quoting: 'powershell',
      note: 'cmd has no tail command, so this runs Windows PowerShell',
    },
    linux: 'tail -n {lines} {path}',
    defaults: { lines: 50 },
  },
  [CommandTask.FIND_FILE]: {
    powershell:
      'Get-ChildItem -Path {path} -Recurse -Filter {pattern} -ErrorAction SilentlyContinue | Select-Object -ExpandProperty FullName',
    cmd: 'where /r {path} {pattern}',
    linux: 'find {path} -name {pattern}',
    defaults: { path: '.' },
  },
  [CommandTask.NETWORK_CONNECTIONS]: {
    powershell: {
      command: 'Get-NetTCPConnection | Sort-Object State, LocalPort',
      before: {
        version: '3.0',
        fallback: 'netstat -ano',
        why: 'Get-NetTCPConnection needs PowerShell 3.0 on Windows 8 / Server 2012 or newer',
      },
    },
    cmd: 'netstat -ano',
    linux: 'ss -tulpn',
    darwin: 'lsof -i -P -n',
  },
  [CommandTask.SYSTEM_INFO]: {
    powershell: {
      command: 'Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object Caption, Version, OSArchitecture, LastBootUpTime',
      before: {
        version: '3.0',
        fallback: 'Get-WmiObject -Class Win32_OperatingSystem | Select-Object Caption, Version, OSArchitecture, LastBootUpTime',
        why: 'Get-CimInstance needs PowerShell 3.0',
      },
    },
    cmd: 'systeminfo',
    linux: 'uname -a; cat /etc/os-release',
    darwin: 'sw_vers; uname -a',
  },
  [CommandTask.LIST_USERS]: {
    powershell: {
      command: 'Get-LocalUser',
      before: {
        version: '5.1',
        fallback: 'Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True"',
        why: 'Get-LocalUser needs PowerShell 5.1 (LocalAccounts module), which PowerShell 2.0 / Server 2008 lack',
      },
    },
    cmd: 'net user',
    linux: 'getent passwd',
    darwin: "dscl . list /Users | grep -v '^_'",
  },
};

/** Used when a machine registered no package manager. */
const FALLBACK_PACKAGE_MANAGERS: Record<Platform, PackageManagerTemplate> = {
  [Platform.WIN32]: { name: 'winget', install: 'winget install --id {package} -e' },
  [Platform.LINUX]: { name: 'apt-get', install: 'sudo apt-get install -y {package}' },
  [Platform.DARWIN]: { name: 'brew', install: 'brew install {package}' },
};

const ARG_EXAMPLES: Record<keyof CommandArgs, string> = {
  path: '"/var/log/syslog" or "C:\\Windows\\Logs\\CBS\\CBS.log"',
  package: '"git" or "Git.Git"',
  service: '"nginx" or "Spooler"',
  host: '"example.com" or "10.0.0.5"',
  pattern: '"*.log"',
  lines: '200',
};

const POWERSHELL_NAME = /pwsh|powershell/i;
const POSIX_SHELLS = new Set(['bash', 'zsh', 'sh', 'dash', 'ksh']);
const DEFAULT_POSIX_SHELL: Record<Platform.LINUX | Platform.DARWIN, string> = { [Platform.LINUX]: 'bash', [Platform.DARWIN]: 'zsh' };
/** pwsh is PowerShell 6 or newer even when the machine did not report a version. */
const PWSH_MINIMUM_VERSION = '6.0';

const PLACEHOLDER = /\{(\w+)\}/g;
// Tab, CR, LF, NUL…: a newline would end the command in every shell.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// Inside cmd double quotes, % still expands and " ends the quote; the others are refused to be safe.
const CMD_UNSAFE = /["%^&|<>]/;
const PACKAGE_NAME = /^[A-Za-z0-9@][A-Za-z0-9._+/@:-]{0,199}$/;
const HOST_NAME = /^[A-Za-z0-9:][A-Za-z0-9.:-]{0,254}$/;
/** Needs no quotes in any of the shells (a leading @ would splat in PowerShell). */
const BARE_WORD = /^[A-Za-z0-9][\w.+/:-]*$/;
const MAX_LINES = 10000;

type TextArg = Exclude<keyof CommandArgs, 'lines'>;

/** Per argument: the rule its value must follow, and whether a plain word stays unquoted. */
const TEXT_ARGS: Record<TextArg, { rule?: { valid: RegExp; problem: string }; bareIfSafe?: boolean }> = {
  // A quoted "-x" is still an option to the program, so quoting alone cannot make it safe.
  path: {
    rule: {
      valid: /^(?!-)/,
      problem: 'must not start with "-", which the command would read as an option; write ./-name for a file called -name',
    },
  },
  service: {
    rule: {
      valid: /^(?!-)/,
      problem: 'must not start with "-", which the command would read as an option; give the service name, for example "Spooler"',
    },
  },
  pattern: {},
  package: {
    rule: {
      valid: PACKAGE_NAME,
      problem:
        'must be a package name such as "git", "Git.Git" or "@angular/cli": letters, digits and . _ + / @ : -, at most 200 characters',
    },
    bareIfSafe: true,
  },
  host: {
    rule: {
      valid: HOST_NAME,
      problem:
        'must be a host name or IP address such as "example.com" or "10.0.0.5": letters, digits, dots, hyphens and colons, at most 255 characters',
    },
    bareIfSafe: true,
  },
};

/** Quotes a value so that the shell reads it as one literal word. */
const QUOTE: Record<ShellFamily, (value: string) => string> = {
  // PowerShell also ends single-quoted strings at the typographic quotes ‘ ’ ‚ ‛; doubling escapes all of them.
  powershell: (value) => `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`,
  // Programs that parse arguments the Microsoft way read a backslash before the closing quote as escaping it.
  cmd: (value) => `"${value.replace(/\\+$/, '$&$&')}"`,
  posix: (value) => `'${value.replace(/'/g, "'\\''")}'`,
};

export interface CommandArgs {
  path?: string | null;
  package?: string | null;
  service?: string | null;
  host?: string | null;
  pattern?: string | null;
  lines?: number | null;
}

export interface MachineShell {
  platform: Platform;
  preferredShell: string | null;
  powershellVersion: string | null;
  packageManagers: PackageManagerTemplate[];
}

export interface CommandSuggestion {
  task: CommandTask;
  shell: string;
  command: string;
  packageManager: string | null;
  note: string | null;
}

interface ResolvedShell {
  family: ShellFamily;
  shell: string;
  note: string | null;
}

/** A chosen template, how its arguments are quoted, and why it was chosen when that is not obvious. */
interface Form {
  template: Template;
  quoting: ShellFamily;
  note: string | null;
}

/** "/bin/zsh" → "zsh", "C:\…\powershell.exe" → "powershell". */
function shellName(preferredShell: string | null): string {
  const first = (preferredShell ?? '').trim().split(/\s+/)[0] ?? '';
  return (first.split(/[\\/]/).pop() ?? '').replace(/\.exe$/i, '').toLowerCase();
}

function resolveShell(machine: MachineShell): ResolvedShell {
  const preferred = shellName(machine.preferredShell);
  if (POWERSHELL_NAME.test(preferred)) return { family: 'powershell', shell: 'powershell', note: null };
  if (machine.platform === Platform.WIN32) {
    if (preferred === 'cmd') return { family: 'cmd', shell: 'cmd', note: null };
    const note = preferred ? `preferred shell "${preferred}" is not supported on Windows; answered for PowerShell` : null;
    return { family: 'powershell', shell: 'powershell', note };
  }
  if (POSIX_SHELLS.has(preferred)) return { family: 'posix', shell: preferred, note: null };
  const shell = DEFAULT_POSIX_SHELL[machine.platform];
  return { family: 'posix', shell, note: preferred ? `preferred shell "${preferred}" is not a POSIX shell; run this in ${shell}` : null };
}

/** "5.1.19041.1" → [5, 1]; null when it does not start with a number. */
function parseVersion(version: string | null): [number, number] | null {
  const match = /^\s*v?(\d+)(?:\.(\d+))?/i.exec(version ?? '');
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : null;
}

function isAtLeast(version: string | null, minimum: string): boolean {
  const have = parseVersion(version);
  const need = parseVersion(minimum);
  if (!have || !need) return false;
  return have[0] !== need[0] ? have[0] > need[0] : have[1] >= need[1];
}

function windowsPowerShellForm(command: Template | PowerShellCommand, machine: MachineShell): Form {
  const entry = typeof command === 'string' ? { command } : command;
  const version = machine.powershellVersion ?? (/pwsh/i.test(machine.preferredShell ?? '') ? PWSH_MINIMUM_VERSION : null);
  if (!entry.before || isAtLeast(version, entry.before.version)) return { template: entry.command, quoting: 'powershell', note: null };
  const known = version ? `this machine reports PowerShell ${version}` : 'the PowerShell version is unknown, so the older form is used';
  return { template: entry.before.fallback, quoting: 'powershell', note: `${entry.before.why}; ${known}` };
}

function tableForm(machine: MachineShell, family: ShellFamily, commands: TaskCommands): Form {
  if (family === 'cmd') {
    return typeof commands.cmd === 'string'
      ? { template: commands.cmd, quoting: 'cmd', note: null }
      : { template: commands.cmd.command, quoting: commands.cmd.quoting, note: commands.cmd.note };
  }
  if (family === 'powershell' && machine.platform === Platform.WIN32) return windowsPowerShellForm(commands.powershell, machine);
  // PowerShell on Linux or macOS has no Windows cmdlets, but runs the native tools.
  const native = machine.platform === Platform.DARWIN ? (commands.darwin ?? commands.linux) : commands.linux;
  return { template: native, quoting: family, note: null };
}

const isGiven = (value: string | number | null | undefined): value is string | number =>
  value != null && (typeof value !== 'string' || value.trim() !== '');

function checkLines(lines: number): number {
  if (!Number.isInteger(lines) || lines < 1 || lines > MAX_LINES) {
    throw new BadInputError('args.lines', `must be a whole number from 1 to ${MAX_LINES}, for example 200`);
  }
  return lines;
}

function quoteText(name: TextArg, value: string, family: ShellFamily, quoting: ShellFamily): string {
  const field = `args.${name}`;
  const { rule, bareIfSafe } = TEXT_ARGS[name];
  if (CONTROL_CHARACTERS.test(value))
    throw new BadInputError(field, 'must be a single line without control characters (NUL, newline, tab); remove them');
  if (rule && !rule.valid.test(value)) throw new BadInputError(field, rule.problem);
  if (family === 'cmd' && CMD_UNSAFE.test(value)) {
    throw new BadInputError(
      field,
      'contains a character cmd cannot quote safely (" % ^ & | < >); use PowerShell on this machine or a value without it',
    );
  }
  return bareIfSafe && BARE_WORD.test(value) ? value : QUOTE[quoting](value);
}

/** The argument, validated and quoted, ready to paste into the template. */
function renderArg(
  task: CommandTask,
  name: keyof CommandArgs,
  args: CommandArgs,
  defaults: TaskCommands['defaults'],
  family: ShellFamily,
  quoting: ShellFamily,
): string {
  const value = isGiven(args[name]) ? args[name] : defaults?.[name];
  if (value == null) throw new BadInputError(`args.${name}`, `${task} needs args.${name}, for example ${ARG_EXAMPLES[name]}`);
  if (name === 'lines') return String(checkLines(Number(value)));
  return quoteText(name, String(value), family, quoting);
}

function installCommand(
  machine: MachineShell,
  family: ShellFamily,
  args: CommandArgs,
): Pick<CommandSuggestion, 'command' | 'packageManager' | 'note'> {
  const registered = machine.packageManagers[0];
  const manager = registered ?? FALLBACK_PACKAGE_MANAGERS[machine.platform];
  const name = renderArg(CommandTask.INSTALL_PACKAGE, 'package', args, {}, family, family);
  const command = manager.install.includes('{package}')
    ? manager.install.replaceAll('{package}', () => name)
    : `${manager.install} ${name}`;
  const note = registered ? null : `no package manager registered for this machine; assumed ${manager.name}`;
  return { command, packageManager: manager.name, note };
}

const joinNotes = (...notes: (string | null)[]): string | null => notes.filter((n): n is string => !!n).join('; ') || null;

/** How to do `task` in the machine's shell, with every argument validated and quoted for that shell. */
export function commandFor(machine: MachineShell, task: CommandTask, args: CommandArgs = {}): CommandSuggestion {
  const { family, shell, note: shellNote } = resolveShell(machine);
  if (task === CommandTask.INSTALL_PACKAGE) {
    const install = installCommand(machine, family, args);
    return { task, shell, ...install, note: joinNotes(shellNote, install.note) };
  }
  const commands = COMMANDS[task];
  const form = tableForm(machine, family, commands);
  // The table's placeholders are all argument names (the tests cover every template).
  const command = form.template.replace(PLACEHOLDER, (_, name: keyof CommandArgs) =>
    renderArg(task, name, args, commands.defaults, family, form.quoting),
  );
  return { task, shell, command, packageManager: null, note: joinNotes(shellNote, form.note) };
}

/** "powershell: Get-ChildItem -Force 'C:\temp'", plus " — note" when there is one. */
export function renderSuggestion(s: CommandSuggestion): string {
  return `${s.shell}: ${s.command}${s.note ? ` — ${s.note}` : ''}`;
}
