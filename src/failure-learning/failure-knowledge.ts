/**
 * How to normalise and classify failures so that failure learning can group them, and what is known to
 * work instead. No I/O of any kind.
 */
import { FailureCategory } from '../../entities/command-run.entity';
import { BadInputError } from '../core/errors';

const MAX_SIGNATURE = 255;

/** Tools whose first word names what they do (`git push`, `net use`): that word is part of the signature. */
const MULTI_COMMAND_TOOLS = new Set([
  'git',
  'docker',
  'podman',
  'kubectl',
  'helm',
  'terraform',
  'apt',
  'apt-get',
  'apt-cache',
  'dnf',
  'yum',
  'zypper',
  'snap',
  'brew',
  'winget',
  'choco',
  'scoop',
  'npm',
  'pnpm',
  'yarn',
  'pip',
  'pip3',
  'dotnet',
  'systemctl',
  'launchctl',
  'ip',
  'net',
  'netsh',
  'sc',
  'reg',
  'wmic',
  'dism',
  'az',
  'aws',
  'gcloud',
  'gh',
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
  return [...command.matchAll(TOKEN)].map((m) =>
    m[3] !== undefined ? { text: m[3], quoted: false } : { text: m[1] ?? m[2] ?? '', quoted: true },
  );
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
  const subcommand =
    next && !next.quoted && MULTI_COMMAND_TOOLS.has(program) && SUBCOMMAND.test(next.text) ? ` ${next.text.toLowerCase()}` : '';
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
  if (!text)
    throw new BadInputError('operation', 'describe the operation that failed, for example "Install Veeam agent on the file server"');
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

/** Approved PowerShell verbs (Get-Verb) that appear in cmdlets agents use (Connect-ExchangeOnline, Sync-ADObject, Backup-GPO, …). */
const POWERSHELL_VERBS = new Set([
  'add',
  'approve',
  'backup',
  'block',
  'checkpoint',
  'clear',
  'close',
  'compare',
  'complete',
  'compress',
  'confirm',
  'connect',
  'convertfrom',
  'convertto',
  'copy',
  'debug',
  'deny',
  'disable',
  'disconnect',
  'dismount',
  'edit',
  'enable',
  'enter',
  'exit',
  'expand',
  'export',
  'find',
  'format',
  'get',
  'grant',
  'group',
  'import',
  'initialize',
  'install',
  'invoke',
  'join',
  'limit',
  'lock',
  'measure',
  'merge',
  'mount',
  'move',
  'new',
  'open',
  'optimize',
  'out',
  'protect',
  'publish',
  'read',
  'receive',
  'register',
  'remove',
  'rename',
  'repair',
  'request',
  'reset',
  'resize',
  'resolve',
  'restart',
  'restore',
  'resume',
  'revoke',
  'save',
  'search',
  'select',
  'send',
  'set',
  'show',
  'skip',
  'split',
  'start',
  'stop',
  'submit',
  'suspend',
  'switch',
  'sync',
  'test',
  'trace',
  'unblock',
  'uninstall',
  'unlock',
  'unprotect',
  'unpublish',
  'unregister',
  'update',
  'use',
  'wait',
  'watch',
  'write',
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
    phrases: [
      'denied',
      'unauthorized',
      'requires elevation',
      'elevated',
      'not permitted',
      'are you root',
      'running scripts is disabled',
      'returned error: 401',
      'returned error: 403',
    ],
  },
  { category: FailureCategory.TIMEOUT, phrases: ['timed out', 'timeout', 'deadline exceeded'] },
  {
    category: FailureCategory.NETWORK,
    phrases: [
      'could not resolve',
      'no route to host',
      'unreachable',
      'connection refused',
      'name or service not known',
      'temporary failure',
      'no such host',
      'unknown host',
      'connection reset',
      'failed to connect',
      'could not connect',
      'rpc server is unavailable',
      'network path was not found',
      'winrm cannot complete the operation',
      'underlying connection was closed',
    ],
  },
  {
    category: FailureCategory.COMPATIBILITY,
    phrases: [
      'a parameter cannot be found that matches parameter name',
      'not supported on this',
      'is not compatible',
      '#requires',
      'exec format error',
      'cannot execute binary file',
    ],
  },
  {
    category: FailureCategory.SYNTAX,
    phrases: [
      'unexpected token',
      'syntax error',
      'syntax of the command is incorrect',
      'invalid syntax',
      'invalid option',
      'unrecognized option',
      'unknown option',
      'illegal option',
      'invalid switch',
      'missing argument',
      'positional parameter cannot be found',
    ],
  },
  {
    category: FailureCategory.DEPENDENCY,
    phrases: [
      'no module named',
      'module could not be loaded',
      'no valid module file',
      'is not installed',
      'missing dependency',
      'unmet dependencies',
      'dependency problems',
      'held broken packages',
      'cannot load',
      'could not load',
      'unable to find type',
      'error while loading shared libraries',
      'library not loaded',
    ],
  },
  {
    category: FailureCategory.NOT_FOUND,
    phrases: [
      'no such',
      'cannot find',
      'not found',
      'does not exist',
      'unable to locate',
      'no installation candidate',
      'no package found',
      'no match for argument',
      'returned error: 404',
    ],
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
  [
    'cmd:get-localuser',
    'Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True" (PowerShell 2.0 / Server 2008 have no LocalAccounts module), or net user',
  ],
  ['cmd:get-localgroup', 'Get-WmiObject -Class Win32_Group -Filter "LocalAccount=True", or net localgroup'],
  [
    'cmd:get-localgroupmember',
    'net localgroup "<group>", or Get-WmiObject -Class Win32_GroupUser (PowerShell before 5.1 has no LocalAccounts module)',
  ],
  [
    'cmd:get-netipaddress',
    'ipconfig /all, or Get-WmiObject -Class Win32_NetworkAdapterConfiguration -Filter "IPEnabled=True" (no NetTCPIP module before Windows 8 / Server 2012)',
  ],
  [
    'cmd:get-netadapter',
    'Get-WmiObject -Class Win32_NetworkAdapter, or netsh interface show interface (no NetAdapter module before Windows 8 / Server 2012)',
  ],
  ['cmd:get-nettcpconnection', 'netstat -ano (no NetTCPIP module before Windows 8 / Server 2012)'],
  [
    'cmd:resolve-dnsname',
    "nslookup <host>, or [System.Net.Dns]::GetHostAddresses('<host>') (no DnsClient module before Windows 8 / Server 2012)",
  ],
  ['cmd:get-ciminstance', 'Get-WmiObject with the same class (PowerShell 2.0 has no CIM cmdlets)'],
  ['cmd:invoke-webrequest', "(New-Object System.Net.WebClient).DownloadFile('<url>', '<file>') (PowerShell 2.0 has no Invoke-WebRequest)"],
  ['cmd:invoke-restmethod', "(New-Object System.Net.WebClient).DownloadString('<url>') (PowerShell 2.0 has no Invoke-RestMethod)"],
  [
    'cmd:test-netconnection',
    "Test-Connection <host> for ping, or telnet <host> <port> / New-Object System.Net.Sockets.TcpClient('<host>', <port>) for a port",
  ],
  ['cmd:get-smbshare', 'net share (no SmbShare module before Windows 8 / Server 2012)'],
  [
    'cmd:new-psdrive',
    'net use <letter>: \\\\<server>\\<share> (New-PSDrive -Persist needs PowerShell 3.0 and fails against SMB1-only servers)',
  ],
  [
    'cmd:expand-archive',
    "$s = New-Object -ComObject Shell.Application; $s.NameSpace('<folder>').CopyHere($s.NameSpace('<zip>').Items()) (Expand-Archive needs PowerShell 5.0)",
  ],
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
