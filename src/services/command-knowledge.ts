/**
 * Deterministic knowledge about shell commands: how to do a common task in a machine's shell, and how
 * to normalise and classify failures so that failure learning can group them. No I/O of any kind.
 */
import { FailureCategory } from '../../entities/command-run.entity';
import type { PackageManagerTemplate } from '../../entities/machine-capabilities';
import { Platform } from '../../entities/machine.entity';
import { BadInputError } from '../errors';

// ---------------------------------------------------------------------------------------------------
// Tasks and their commands
// ---------------------------------------------------------------------------------------------------

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
  [CommandTask.INSTALL_PACKAGE]: "Install args.package with the machine's first package manager (winget, apt-get or brew if none is registered).",
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
      before: { version: '3.0', fallback: 'ipconfig /all', why: 'Get-NetIPAddress needs PowerShell 3.0 on Windows 8 / Server 2012 or newer' },
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
      before: { version: '3.0', fallback: 'nslookup {host}', why: 'Resolve-DnsName needs PowerShell 3.0 on Windows 8 / Server 2012 or newer' },
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
      before: { version: '3.0', fallback: 'Get-Content -LiteralPath {path} | Select-Object -Last {lines}', why: 'Get-Content -Tail needs PowerShell 3.0' },
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
    powershell: 'Get-ChildItem -Path {path} -Recurse -Filter {pattern} -ErrorAction SilentlyContinue | Select-Object -ExpandProperty FullName',
    cmd: 'where /r {path} {pattern}',
    linux: 'find {path} -name {pattern}',
    defaults: { path: '.' },
  },
  [CommandTask.NETWORK_CONNECTIONS]: {
    powershell: {
      command: 'Get-NetTCPConnection | Sort-Object State, LocalPort',
      before: { version: '3.0', fallback: 'netstat -ano', why: 'Get-NetTCPConnection needs PowerShell 3.0 on Windows 8 / Server 2012 or newer' },
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
  [Platform.win32]: { name: 'winget', install: 'winget install --id {package} -e' },
  [Platform.linux]: { name: 'apt-get', install: 'sudo apt-get install -y {package}' },
  [Platform.darwin]: { name: 'brew', install: 'brew install {package}' },
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
const DEFAULT_POSIX_SHELL: Record<Platform.linux | Platform.darwin, string> = { [Platform.linux]: 'bash', [Platform.darwin]: 'zsh' };
/** pwsh is PowerShell 6 or newer even when the machine did not report a version. */
const PWSH_MINIMUM_VERSION = '6.0';

const PLACEHOLDER = /\{(\w+)\}/g;
// Tab, CR, LF, NUL…: a newline would end the command in every shell.
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
  path: { rule: { valid: /^(?!-)/, problem: 'must not start with "-", which the command would read as an option; write ./-name for a file called -name' } },
  service: { rule: { valid: /^(?!-)/, problem: 'must not start with "-", which the command would read as an option; give the service name, for example "Spooler"' } },
  pattern: {},
  package: {
    rule: { valid: PACKAGE_NAME, problem: 'must be a package name such as "git", "Git.Git" or "@angular/cli": letters, digits and . _ + / @ : -, at most 200 characters' },
    bareIfSafe: true,
  },
  host: {
    rule: { valid: HOST_NAME, problem: 'must be a host name or IP address such as "example.com" or "10.0.0.5": letters, digits, dots, hyphens and colons, at most 255 characters' },
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
  if (machine.platform === Platform.win32) {
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
    return typeof commands.cmd === 'string' ? { template: commands.cmd, quoting: 'cmd', note: null } : { template: commands.cmd.command, quoting: commands.cmd.quoting, note: commands.cmd.note };
  }
  if (family === 'powershell' && machine.platform === Platform.win32) return windowsPowerShellForm(commands.powershell, machine);
  // PowerShell on Linux or macOS has no Windows cmdlets, but runs the native tools.
  const native = machine.platform === Platform.darwin ? (commands.darwin ?? commands.linux) : commands.linux;
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
  if (CONTROL_CHARACTERS.test(value)) throw new BadInputError(field, 'must be a single line without control characters (NUL, newline, tab); remove them');
  if (rule && !rule.valid.test(value)) throw new BadInputError(field, rule.problem);
  if (family === 'cmd' && CMD_UNSAFE.test(value)) {
    throw new BadInputError(field, 'contains a character cmd cannot quote safely (" % ^ & | < >); use PowerShell on this machine or a value without it');
  }
  return bareIfSafe && BARE_WORD.test(value) ? value : QUOTE[quoting](value);
}

/** The argument, validated and quoted, ready to paste into the template. */
function renderArg(task: CommandTask, name: keyof CommandArgs, args: CommandArgs, defaults: TaskCommands['defaults'], family: ShellFamily, quoting: ShellFamily): string {
  const value = isGiven(args[name]) ? args[name] : defaults?.[name];
  if (value == null) throw new BadInputError(`args.${name}`, `${task} needs args.${name}, for example ${ARG_EXAMPLES[name]}`);
  if (name === 'lines') return String(checkLines(Number(value)));
  return quoteText(name, String(value), family, quoting);
}

function installCommand(machine: MachineShell, family: ShellFamily, args: CommandArgs): Pick<CommandSuggestion, 'command' | 'packageManager' | 'note'> {
  const registered = machine.packageManagers[0];
  const manager = registered ?? FALLBACK_PACKAGE_MANAGERS[machine.platform];
  const name = renderArg(CommandTask.INSTALL_PACKAGE, 'package', args, {}, family, family);
  const command = manager.install.includes('{package}') ? manager.install.replaceAll('{package}', () => name) : `${manager.install} ${name}`;
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
  const command = form.template.replace(PLACEHOLDER, (_, name: keyof CommandArgs) => renderArg(task, name, args, commands.defaults, family, form.quoting));
  return { task, shell, command, packageManager: null, note: joinNotes(shellNote, form.note) };
}

/** "powershell: Get-ChildItem -Force 'C:\temp'", plus " — note" when there is one. */
export function renderSuggestion(s: CommandSuggestion): string {
  return `${s.shell}: ${s.command}${s.note ? ` — ${s.note}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Failure knowledge
// ---------------------------------------------------------------------------------------------------

const MAX_SIGNATURE = 255;

/** Tools whose first word names what they do (`git push`, `net use`): that word is part of the signature. */
const MULTI_COMMAND_TOOLS = new Set([
  'git', 'docker', 'podman', 'kubectl', 'helm', 'terraform', 'apt', 'apt-get', 'apt-cache', 'dnf', 'yum', 'zypper', 'snap',
  'brew', 'winget', 'choco', 'scoop', 'npm', 'pnpm', 'yarn', 'pip', 'pip3', 'dotnet', 'systemctl', 'launchctl', 'ip',
  'net', 'netsh', 'sc', 'reg', 'wmic', 'dism', 'az', 'aws', 'gcloud', 'gh',
]);

/** Prefixes that run another command; the value is the set of their options that take a value. */
const WRAPPERS = new Map<string, Set<string>>([
  ['sudo', new Set(['-u', '-g', '-p', '-C', '-D', '-U'])],
  ['doas', new Set(['-u', '-C'])],
  ['env', new Set(['-u', '-C', '-S'])],
]);

/** PowerShell's call operator and dot-sourcing: `& 'C:\x\tool.exe'`, `. .\setup.ps1`. */
const INVOCATION_OPERATORS = new Set(['&', '.']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const SUBCOMMAND = /^[a-z][a-z0-9-]*$/i;
const SCRIPT_EXTENSION = /\.(exe|com|cmd|bat|ps1)$/i;
// Each alternative is a plain scan to the next quote or space: linear in the input.
const TOKEN = /"([^"]*)"?|'([^']*)'?|(\S+)/g;

interface Token {
  text: string;
  quoted: boolean;
}

function tokenize(command: string): Token[] {
  return [...command.matchAll(TOKEN)].map((m) => (m[3] !== undefined ? { text: m[3], quoted: false } : { text: m[1] ?? m[2] ?? '', quoted: true }));
}

/** Index of the program token, after sudo/env wrappers, VAR=value assignments and PowerShell's & or dot. */
function programIndex(tokens: Token[]): number {
  let i = 0;
  while (i < tokens.length && !tokens[i].quoted) {
    const text = tokens[i].text;
    const valued = WRAPPERS.get(text.toLowerCase());
    if (valued) {
      i++;
      while (i < tokens.length && !tokens[i].quoted && tokens[i].text.startsWith('-')) i += valued.has(tokens[i].text) ? 2 : 1;
    } else if (INVOCATION_OPERATORS.has(text) || ASSIGNMENT.test(text)) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/** "C:\Tools\PsExec.exe" → "psexec", "(Get-Content" → "get-content". */
function programName(token: string): string {
  const base = (token.replace(/^\(+/, '').split(/[\\/]/).pop() ?? '').replace(SCRIPT_EXTENSION, '');
  return (base || token).toLowerCase();
}

/** "sudo apt-get install -y foo" → "cmd:apt-get install"; groups failures of the same command whatever its arguments. */
export function commandSignature(command: string): string {
  const tokens = tokenize(command);
  if (tokens.length === 0) throw new BadInputError('command', 'give the command line that ran, for example "Get-LocalUser -Name bob"');
  const start = programIndex(tokens);
  // A command that is only a wrapper ("sudo") is its own program.
  const program = programName((tokens[start] ?? tokens[tokens.length - 1]).text);
  const next = tokens[start + 1];
  const subcommand = next && !next.quoted && MULTI_COMMAND_TOOLS.has(program) && SUBCOMMAND.test(next.text) ? ` ${next.text.toLowerCase()}` : '';
  return `cmd:${program}${subcommand}`.slice(0, MAX_SIGNATURE);
}

/** Parts of an operation description that differ between occurrences of the same operation, removed in this order. */
const VOLATILE_PARTS: RegExp[] = [
  /"[^"]*"|“[^”]*”|(?<!\w)'[^']*'(?!\w)/g, // quoted strings (an apostrophe inside a word is not a quote)
  /\b(?:https?|ftps?|smb|file):\/\/\S*/g, // URLs
  /\\\\\S+|\b[a-z]:\\\S*|(?<!\S)(?:~|\.{1,2})?\/\S*/g, // UNC, drive and POSIX paths
  /\{?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\}?/g, // GUIDs
  /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d+)?\b/g, // IPv4, with a prefix length or port
  /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/g, // IPv6, MAC addresses, times
  /\b0x[0-9a-f]+\b|\bv?\d+(?:[.,]\d+)*\b/g, // numbers, versions, hex codes
];

/** "Install Veeam agent 6.1 on 10.0.0.5" → "op:install veeam agent on". */
export function operationSignature(operation: string): string {
  const text = operation.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!text) throw new BadInputError('operation', 'describe the operation that failed, for example "Install Veeam agent on the file server"');
  const stripped = VOLATILE_PARTS.reduce((rest, pattern) => rest.replace(pattern, ' '), text)
    .replace(/[()[\]{}<>,;|"`“”]/g, ' ')
    .split(' ')
    .map((word) => word.replace(/[.:!?]+$/, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .join(' ');
  // When nothing but volatile parts was given, the whole text is the best signature there is.
  return `op:${stripped || text}`.slice(0, MAX_SIGNATURE).trimEnd();
}

/** Messages saying the shell does not know the command at all. */
const UNKNOWN_COMMAND_PHRASES = [
  'is not recognized as the name of a cmdlet',
  'is not recognized as an internal or external command',
  'command not found',
  'commandnotfoundexception',
];

/** Approved PowerShell verbs (Get-Verb) that appear in cmdlets agents use. */
const POWERSHELL_VERBS = new Set([
  'add', 'clear', 'compress', 'convertfrom', 'convertto', 'copy', 'disable', 'enable', 'enter', 'expand', 'export', 'find', 'format',
  'get', 'grant', 'import', 'install', 'invoke', 'measure', 'mount', 'move', 'new', 'out', 'register', 'remove', 'rename', 'repair',
  'reset', 'resolve', 'restart', 'resume', 'revoke', 'select', 'send', 'set', 'start', 'stop', 'suspend', 'test', 'uninstall',
  'unregister', 'update', 'wait', 'write',
]);

// A whole word Verb-Noun with a capitalised noun, as cmdlets are written (Get-LocalUser), unlike update-grub or apt-get.
const CMDLET_NAME = /(?<![\w.-])([A-Za-z]+)-[A-Z][A-Za-z0-9]*(?![\w.-])/g;

/**
 * Checked in this order; the first rule with a phrase in the (lowercased) message wins. The order settles
 * overlaps: "Permission denied … timed out" is PERMISSION, "connection timed out" is TIMEOUT rather than
 * NETWORK, "the network path was not found" is NETWORK and "No module named x" is DEPENDENCY rather than
 * NOT_FOUND, because NOT_FOUND's "not found" is the vaguest phrase and comes last.
 *
 * PowerShell's "A parameter cannot be found that matches parameter name" is COMPATIBILITY, not SYNTAX: for
 * agents it almost always means the parameter is newer than the PowerShell on the host (Get-Content -Tail
 * on 2.0, Invoke-WebRequest -SkipCertificateCheck on 5.1), and COMPATIBILITY makes failure learning record
 * the environment. A misspelt parameter is misfiled, which costs less.
 */
const MESSAGE_RULES: readonly { category: FailureCategory; phrases: readonly string[] }[] = [
  {
    category: FailureCategory.PERMISSION,
    phrases: ['denied', 'unauthorized', 'requires elevation', 'elevated', 'not permitted', 'are you root', 'running scripts is disabled', 'returned error: 401', 'returned error: 403'],
  },
  { category: FailureCategory.TIMEOUT, phrases: ['timed out', 'timeout', 'deadline exceeded'] },
  {
    category: FailureCategory.NETWORK,
    phrases: [
      'could not resolve', 'no route to host', 'unreachable', 'connection refused', 'name or service not known', 'temporary failure',
      'no such host', 'unknown host', 'connection reset', 'failed to connect', 'could not connect', 'rpc server is unavailable',
      'network path was not found', 'winrm cannot complete the operation', 'underlying connection was closed',
    ],
  },
  {
    category: FailureCategory.COMPATIBILITY,
    phrases: ['a parameter cannot be found that matches parameter name', 'not supported on this', 'is not compatible', '#requires', 'exec format error', 'cannot execute binary file'],
  },
  {
    category: FailureCategory.SYNTAX,
    phrases: [
      'unexpected token', 'syntax error', 'syntax of the command is incorrect', 'invalid syntax', 'invalid option', 'unrecognized option',
      'unknown option', 'illegal option', 'invalid switch', 'missing argument', 'positional parameter cannot be found',
    ],
  },
  {
    category: FailureCategory.DEPENDENCY,
    phrases: [
      'no module named', 'module could not be loaded', 'no valid module file', 'is not installed', 'missing dependency', 'unmet dependencies',
      'dependency problems', 'held broken packages', 'cannot load', 'could not load', 'unable to find type', 'error while loading shared libraries',
      'library not loaded',
    ],
  },
  {
    category: FailureCategory.NOT_FOUND,
    phrases: ['no such', 'cannot find', 'not found', 'does not exist', 'unable to locate', 'no installation candidate', 'no package found', 'no match for argument', 'returned error: 404'],
  },
];

/** Shell conventions: 124 from timeout(1), 126 found but not executable, 127 not found. */
const EXIT_CODE_CATEGORIES = new Map<number, FailureCategory>([
  [124, FailureCategory.TIMEOUT],
  [126, FailureCategory.PERMISSION],
  [127, FailureCategory.NOT_FOUND],
]);

function namesCmdlet(message: string): boolean {
  return [...message.matchAll(CMDLET_NAME)].some((m) => POWERSHELL_VERBS.has(m[1].toLowerCase()));
}

/**
 * Why a command failed, from its error message and exit code. Order: an unknown command (COMPATIBILITY
 * when it is a cmdlet, which exists in some other PowerShell or shell, else NOT_FOUND); then MESSAGE_RULES
 * in order; then the exit code; else OTHER.
 */
export function inferFailureCategory(errorMessage: string | null | undefined, exitCode?: number | null): FailureCategory {
  const message = errorMessage ?? '';
  const lower = message.toLowerCase();
  if (UNKNOWN_COMMAND_PHRASES.some((phrase) => lower.includes(phrase))) {
    return namesCmdlet(message) ? FailureCategory.COMPATIBILITY : FailureCategory.NOT_FOUND;
  }
  const rule = MESSAGE_RULES.find((r) => r.phrases.some((phrase) => lower.includes(phrase)));
  return rule?.category ?? EXIT_CODE_CATEGORIES.get(exitCode ?? 0) ?? FailureCategory.OTHER;
}

/** What to run instead when a command is missing on older systems, keyed by commandSignature. */
const KNOWN_ALTERNATIVES = new Map<string, string>([
  ['cmd:get-localuser', 'Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True" (PowerShell 2.0 / Server 2008 have no LocalAccounts module), or net user'],
  ['cmd:get-localgroup', 'Get-WmiObject -Class Win32_Group -Filter "LocalAccount=True", or net localgroup'],
  ['cmd:get-localgroupmember', 'net localgroup "<group>", or Get-WmiObject -Class Win32_GroupUser (PowerShell before 5.1 has no LocalAccounts module)'],
  ['cmd:get-netipaddress', 'ipconfig /all, or Get-WmiObject -Class Win32_NetworkAdapterConfiguration -Filter "IPEnabled=True" (no NetTCPIP module before Windows 8 / Server 2012)'],
  ['cmd:get-netadapter', 'Get-WmiObject -Class Win32_NetworkAdapter, or netsh interface show interface (no NetAdapter module before Windows 8 / Server 2012)'],
  ['cmd:get-nettcpconnection', 'netstat -ano (no NetTCPIP module before Windows 8 / Server 2012)'],
  ['cmd:resolve-dnsname', "nslookup <host>, or [System.Net.Dns]::GetHostAddresses('<host>') (no DnsClient module before Windows 8 / Server 2012)"],
  ['cmd:get-ciminstance', 'Get-WmiObject with the same class (PowerShell 2.0 has no CIM cmdlets)'],
  ['cmd:invoke-webrequest', "(New-Object System.Net.WebClient).DownloadFile('<url>', '<file>') (PowerShell 2.0 has no Invoke-WebRequest)"],
  ['cmd:invoke-restmethod', "(New-Object System.Net.WebClient).DownloadString('<url>') (PowerShell 2.0 has no Invoke-RestMethod)"],
  ['cmd:test-netconnection', "Test-Connection <host> for ping, or telnet <host> <port> / New-Object System.Net.Sockets.TcpClient('<host>', <port>) for a port"],
  ['cmd:get-smbshare', 'net share (no SmbShare module before Windows 8 / Server 2012)'],
  ['cmd:new-psdrive', 'net use <letter>: \\\\<server>\\<share> (New-PSDrive -Persist needs PowerShell 3.0 and fails against SMB1-only servers)'],
  ['cmd:expand-archive', "$s = New-Object -ComObject Shell.Application; $s.NameSpace('<folder>').CopyHere($s.NameSpace('<zip>').Items()) (Expand-Archive needs PowerShell 5.0)"],
  ['cmd:get-computerinfo', 'systeminfo, or Get-WmiObject -Class Win32_OperatingSystem (Get-ComputerInfo needs PowerShell 5.1)'],
  ['cmd:wmic', 'Get-CimInstance -ClassName <class> (wmic is deprecated and removed from current Windows releases)'],
  ['cmd:ifconfig', 'ip addr (net-tools is not installed on current Linux distributions)'],
  ['cmd:netstat', 'ss -tulpn (net-tools is not installed on current Linux distributions)'],
  ['cmd:route', 'ip route (net-tools is not installed on current Linux distributions)'],
  ['cmd:service', 'systemctl status|restart <name> (systemd distributions)'],
  ['cmd:nslookup', 'getent hosts <host>, which needs no bind-utils / dnsutils package'],
]);

/** A well-known replacement for a command that is missing on some systems, or null. */
export function knownAlternative(signature: string): string | null {
  return KNOWN_ALTERNATIVES.get(signature.trim().toLowerCase()) ?? null;
}

const tidy = (text: string | null | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ');

/** True when `text` begins with `prefix` and the prefix ends a word there ("2008 R2" starts with "2008", "20081" does not). */
function startsWithWords(text: string, prefix: string): boolean {
  const t = text.toLowerCase();
  const p = prefix.toLowerCase();
  return t.startsWith(p) && !/[\p{L}\p{N}]/u.test(t.charAt(p.length));
}

/** { os: "Windows Server", osVersion: "2008 R2" }, "PowerShell 2.0" → ["Windows Server 2008 R2", "powershell 2.0"]. */
export function environmentConditions(host: { os: string | null; osVersion: string | null }, shell?: string | null): string[] {
  const os = tidy(host.os);
  const version = tidy(host.osVersion);
  // Some hosts report the full name as the version ("Windows Server 2008 R2"); do not repeat the OS.
  const system = os && version && !startsWithWords(version, os) ? `${os} ${version}` : version || os;
  return [system, tidy(shell).toLowerCase()].filter((condition) => condition !== '');
}

/** The condition both share: the shorter of the two when one starts with the other at a word boundary. */
function commonCondition(a: string, b: string): string | null {
  if (!a || !b) return null;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return startsWithWords(longer, shorter) ? shorter : null;
}

/**
 * The conditions both lists share, in the order of `conditions`, compared case-insensitively;
 * "Windows Server 2008 R2" and "Windows Server 2008" share "Windows Server 2008".
 */
export function sameEnvironment(conditions: string[], other: string[]): string[] {
  const others = other.map(tidy);
  const shared: string[] = [];
  for (const condition of conditions.map(tidy)) {
    // The most specific match: "Windows Server 2008 R2" against ["Windows Server 2008", "Windows Server 2008 R2"].
    const best = others
      .map((o) => commonCondition(condition, o))
      .reduce<string | null>((longest, c) => (c && c.length > (longest?.length ?? -1) ? c : longest), null);
    if (best && !shared.some((s) => s.toLowerCase() === best.toLowerCase())) shared.push(best);
  }
  return shared;
}
